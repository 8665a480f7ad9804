-- Failed sign-ins were counted per email alone, so anyone could keep anyone's account locked. Now per
-- subject: a client address ("address 192.0.2.7"), and an email tried from an address ("email 192.0.2.7
-- ana@example.com"). Rows are forgotten an hour after their last failure (SignInThrottle), so that
-- what people typed into the email field is not kept.
drop table accounts.sign_in_failures;
create table accounts.sign_in_failures (
    subject         varchar(320) primary key,
    failures        integer      not null,
    last_failure_at timestamptz  not null
);
create index sign_in_failures_last_failure_at on accounts.sign_in_failures (last_failure_at);
