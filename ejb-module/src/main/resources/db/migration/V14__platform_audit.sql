-- What operators did: every retry, discard and replay (and, as they come, edit, pause, resume), written
-- in the transaction of the action itself.
create table platform.audit_entries (
    id     bigint generated always as identity primary key,
    at     timestamptz   not null default now(),
    by     varchar(100)  not null,
    action varchar(30)   not null,
    target varchar(200)  not null,
    detail varchar(2000)
);
create index audit_entries_target on platform.audit_entries (target, id);
