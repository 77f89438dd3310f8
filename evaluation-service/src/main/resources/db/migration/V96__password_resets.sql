-- issue 12: every password set for an account by someone else (a one-time password: reset on the pages or the API,
-- issued at a roster import, set by an administrator through the engine) is recorded here, in the transaction of
-- the password itself, for the administrators and the auditors (GET /api/v1/admin/password-resets,
-- /app/audit/password-resets). Never updated or deleted by the application.
create table evaluation.password_reset (
  id        bigserial   primary key,
  user_id   varchar(64) not null,
  reset_by  varchar(64) not null,
  door      varchar(16) not null check (door in ('RESET', 'ROSTER_IMPORT', 'ENGINE')),
  reset_at  timestamptz not null default now()
);

create index password_reset_at on evaluation.password_reset (reset_at desc, id desc);
create index password_reset_user on evaluation.password_reset (user_id);
