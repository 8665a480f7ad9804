-- Each consumer's service level per minute and instance: deliveries processed and failed, and the
-- distributions of processing time and critical time in log-scale buckets (ConsumerTimes, LatencyBuckets),
-- kept for a day.
create table platform.consumer_minutes (
    minute        timestamptz  not null,
    instance      varchar(100) not null,
    consumer      varchar(100) not null,
    event_type    varchar(100) not null,
    processed     bigint       not null,
    failed        bigint       not null,
    processing_ms bigint[]     not null,
    critical_ms   bigint[]     not null,
    primary key (minute, instance, consumer, event_type)
);
