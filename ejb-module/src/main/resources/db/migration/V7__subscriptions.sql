create schema subscriptions;

create table subscriptions.plans (
    id          varchar(40)  primary key,
    name        varchar(100) not null,
    price_cents bigint       not null,
    currency    char(3)      not null
);
insert into subscriptions.plans (id, name, price_cents, currency) values
    ('basic', 'Basic', 1990, 'BRL'),
    ('standard', 'Standard', 3990, 'BRL'),
    ('premium', 'Premium', 5590, 'BRL');

create table subscriptions.subscriptions (
    id             uuid         primary key,
    user_id        uuid         not null,
    plan_id        varchar(40)  not null references subscriptions.plans (id),
    price_cents    bigint       not null,
    currency       char(3)      not null,
    status         varchar(20)  not null,
    failure_reason varchar(200),
    created_at     timestamptz  not null,
    activated_at   timestamptz
);
create index subscriptions_user on subscriptions.subscriptions (user_id);
-- One live subscription per user, decided by the database even when two requests race.
create unique index subscriptions_one_live_per_user on subscriptions.subscriptions (user_id)
    where status in ('PENDING', 'ACTIVE');
