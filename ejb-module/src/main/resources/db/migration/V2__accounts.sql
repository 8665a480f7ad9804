create schema accounts;

create table accounts.users (
    id            uuid         primary key,
    name          varchar(100) not null,
    email         varchar(254) not null,
    password_hash varchar(512) not null,
    registered_at timestamptz  not null
);
-- Emails are stored lower-cased, so this also makes them unique regardless of case.
create unique index users_email on accounts.users (email);
