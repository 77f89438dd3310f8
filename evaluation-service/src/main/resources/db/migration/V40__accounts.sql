-- issue 12, accounts: sign-in throttling notices for administrators and the "change the password first" flag.

-- Each time an account or a client address starts to wait after repeated failed sign-ins (SignInThrottle).
create table evaluation.sign_in_throttle_event (
  id            bigserial primary key,
  kind          varchar(16)  not null check (kind in ('ACCOUNT', 'ADDRESS')),
  subject       varchar(200) not null,
  failures      integer      not null,
  blocked_until timestamptz  not null,
  occurred_at   timestamptz  not null default now()
);

-- Accounts whose password was set by someone else (initial, one-time, reset, configured): the holder must change
-- it before anything else. No row: nothing to do.
create table evaluation.account_password (
  user_id        varchar(64) primary key,
  must_change    boolean     not null,
  set_by         varchar(64) not null,
  set_at         timestamptz not null default now()
);
