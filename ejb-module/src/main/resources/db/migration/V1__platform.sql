-- The platform's tables: the event log (outbox and event store) and the inbox of processed events.
create schema platform;

create table platform.event_log (
    position      bigint generated always as identity primary key,
    event_id      uuid         not null unique,
    event_type    varchar(100) not null,
    event_version integer      not null,
    occurred_at   timestamptz  not null,
    producer      varchar(50)  not null,
    traceparent   varchar(55),
    trace_id      char(32),
    causation_id  uuid,
    payload       text         not null,
    published_at  timestamptz
);
-- The relay looks only at what is still unpublished: keep that lookup small however long the log grows.
create index event_log_unpublished on platform.event_log (position) where published_at is null;
create index event_log_type on platform.event_log (event_type, position);
create index event_log_trace on platform.event_log (trace_id);
create index event_log_occurred on platform.event_log (occurred_at);

-- One row per event a consumer has handled, written in the same transaction as the consumer's effect:
-- a redelivered or duplicated event finds its row and is skipped (at-least-once delivery, effect-once).
create table platform.inbox (
    consumer     varchar(50) not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index inbox_event on platform.inbox (event_id);
