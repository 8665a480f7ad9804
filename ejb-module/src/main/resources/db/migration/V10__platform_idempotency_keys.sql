-- POST requests made with an Idempotency-Key: a repeat by the same caller within 24 h is answered from
-- here and has no second effect.
create table platform.idempotency_keys (
    caller        varchar(100) not null,
    key           varchar(200) not null,
    fingerprint   char(64)     not null,
    status        integer,
    content_type  varchar(100),
    location      varchar(500),
    body          text,
    created_at    timestamptz  not null default now(),
    primary key (caller, key)
);
create index idempotency_keys_created on platform.idempotency_keys (created_at);
