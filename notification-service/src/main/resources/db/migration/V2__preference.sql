-- Each user's choices about notifications. No row means the defaults: e-mails on.
-- The user id is evaluation-service's (Camunda) user id, as in notification.notification.user_id.
create table notification.preference (
    user_id       text        primary key,
    -- false: in-app notifications only, no e-mails are queued for this user
    email_enabled boolean     not null default true,
    updated_at    timestamptz not null default now()
);
