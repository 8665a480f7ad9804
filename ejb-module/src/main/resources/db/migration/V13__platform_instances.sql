-- The application instances (one Payara Server, or several Payara Micro), each writing its own row
-- every few seconds: who runs, where, since when, and how it last found itself.
create table platform.instances (
    name         varchar(100) primary key,
    http_address varchar(200),
    started_at   timestamptz  not null,
    seen_at      timestamptz  not null,
    health       varchar(10)  not null
);

-- Which instance wrote each log line and span (rows from before this column have none).
alter table platform.log_entries add column instance varchar(100);
alter table platform.spans add column instance varchar(100);
