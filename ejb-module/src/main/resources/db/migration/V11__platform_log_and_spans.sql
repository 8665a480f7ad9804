-- The central log: every application log record of every service, with its trace.
create table platform.log_entries (
    id        bigint generated always as identity primary key,
    timestamp timestamptz  not null,
    service   varchar(50)  not null,
    level     varchar(10)  not null,
    logger    varchar(200) not null,
    message   text         not null,
    trace_id  char(32),
    span_id   char(16),
    event_id  uuid
);
create index log_entries_trace on platform.log_entries (trace_id, timestamp);
create index log_entries_time on platform.log_entries (timestamp);
create index log_entries_service_time on platform.log_entries (service, timestamp);

-- The spans of every trace, stored by the application's own span exporter.
create table platform.spans (
    span_id        char(16)     primary key,
    trace_id       char(32)     not null,
    parent_span_id char(16),
    service        varchar(50)  not null,
    name           varchar(200) not null,
    kind           varchar(20)  not null,
    start_at       timestamptz  not null,
    end_at         timestamptz  not null,
    status         varchar(10)  not null,
    error          text
);
create index spans_trace on platform.spans (trace_id, start_at);
create index spans_start on platform.spans (start_at);
