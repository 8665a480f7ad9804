create schema notifications;

-- Notifications keeps its own copy of where to reach each user: it reads no other service's tables.
create table notifications.recipients (
    user_id uuid         primary key,
    name    varchar(100) not null,
    email   varchar(254) not null
);

create table notifications.notifications (
    id        uuid         primary key,
    user_id   uuid         not null,
    kind      varchar(50)  not null,
    recipient varchar(254) not null,
    subject   varchar(200) not null,
    event_id  uuid         not null,
    sent_at   timestamptz  not null
);
create index notifications_user on notifications.notifications (user_id, sent_at);
