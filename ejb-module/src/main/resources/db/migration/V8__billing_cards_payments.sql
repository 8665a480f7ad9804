-- Billing's copy of each card token (from CardAdded): it charges the card added last.
create table billing.cards (
    card_id  uuid         primary key,
    user_id  uuid         not null,
    token    varchar(100) not null,
    brand    varchar(20)  not null,
    last4    char(4)      not null,
    added_at timestamptz  not null
);
create index billing_cards_user on billing.cards (user_id, added_at);

create table billing.payments (
    id              uuid         primary key,
    subscription_id uuid         not null,
    user_id         uuid         not null,
    card_id         uuid         not null,
    amount_cents    bigint       not null,
    currency        char(3)      not null,
    status          varchar(20)  not null,
    decline_reason  varchar(200),
    gateway_charge  varchar(100),
    -- The PlanPurchased event charged: the idempotency key sent to the gateway.
    charge_key      uuid         not null unique,
    created_at      timestamptz  not null
);
