-- Failed sign-ins per email (known or not, so that throttling reveals nothing about who is registered).
create table accounts.sign_in_failures (
    email           varchar(254) primary key,
    failures        integer      not null,
    last_failure_at timestamptz  not null
);
