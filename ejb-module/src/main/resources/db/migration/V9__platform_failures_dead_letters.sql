-- Every failed delivery attempt, written in its own transaction so that the real error and the true
-- count survive the rollback that makes the broker redeliver.
create table platform.delivery_failures (
    consumer  varchar(50)   not null,
    event_id  uuid          not null,
    attempt   integer       not null,
    error     varchar(2000) not null,
    failed_at timestamptz   not null default now(),
    primary key (consumer, event_id, attempt)
);

-- Messages that could not be processed, drained from the dead-letter queues (or refused at once when
-- unreadable), for operators to retry or discard. Kept after either, for history.
create table platform.dead_letters (
    id               uuid          primary key,
    message_id       varchar(200)  not null unique,
    queue            varchar(200)  not null,
    consumer         varchar(50)   not null,
    event_type       varchar(100),
    event_id         uuid,
    trace_id         char(32),
    attempts         integer       not null,
    cause            varchar(2000) not null,
    dead_lettered_at timestamptz   not null,
    payload          text          not null,
    properties       text          not null,
    state            varchar(20)   not null,
    state_changed_at timestamptz
);
create index dead_letters_state on platform.dead_letters (state, dead_lettered_at);
create index dead_letters_event on platform.dead_letters (event_id);
