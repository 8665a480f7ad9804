create schema billing;

-- A billing account is opened for every registered user; cards and payments hang off it.
create table billing.accounts (
    user_id   uuid         primary key,
    name      varchar(100) not null,
    opened_at timestamptz  not null
);
