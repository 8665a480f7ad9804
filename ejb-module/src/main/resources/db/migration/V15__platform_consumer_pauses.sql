-- Consumer queues whose deliveries are held: one row per paused queue, written by an operator's pause
-- (every queue of a consumer) or by a kill switch (one queue). Read for every delivery, on every instance.
create table platform.consumer_pauses (
    queue     varchar(200) primary key,
    consumer  varchar(100) not null,
    reason    varchar(500) not null,
    paused_by varchar(100) not null,
    paused_at timestamptz  not null default now()
);
