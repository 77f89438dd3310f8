-- Schema "notification" is owned by notification-service alone (created by Flyway).

-- One row per consumed CloudEvent (source + id identify it): the idempotency guard of the consumer.
create table notification.processed_event (
    source      text        not null,
    event_id    text        not null,
    type        text        not null,
    received_at timestamptz not null default now(),
    primary key (source, event_id)
);

create table notification.notification (
    id           uuid        primary key,
    user_id      text        not null,
    kind         text        not null,
    title        text        not null,
    body         text        not null,
    link         text,
    -- The values the texts were built from, so they can be rendered again in the reader's language.
    params       jsonb       not null default '{}'::jsonb,
    event_source text        not null,
    event_id     text        not null,
    created_at   timestamptz not null default now(),
    read_at      timestamptz,
    unique (event_source, event_id, user_id)
);

create index notification_user_created_idx on notification.notification (user_id, created_at desc);
create index notification_user_unread_idx on notification.notification (user_id) where read_at is null;

create table notification.email_outbox (
    id              uuid        primary key,
    notification_id uuid        not null references notification.notification (id) on delete cascade,
    to_address      text        not null,
    subject         text        not null,
    body            text        not null,
    html_body       text,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    last_error      text,
    next_attempt_at timestamptz not null default now(),
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);

create index email_outbox_due_idx on notification.email_outbox (next_attempt_at) where status = 'PENDING';
create index email_outbox_notification_idx on notification.email_outbox (notification_id);
