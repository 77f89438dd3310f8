-- Inbound events that matched nothing when they arrived: a member the directory does not know, a member whose
-- evaluation has not started yet, or an event type this service does not handle. Kept for the administrator
-- (GET /api/v1/admin/unmatched-events) instead of being dropped; the event itself stays in the inbox too.
create table unmatched_event (
  id           bigserial primary key,
  source       varchar(300) not null,
  event_id     varchar(300) not null,
  type         varchar(200) not null,
  subject      varchar(300),
  member_id    varchar(100),
  year         integer,
  reason       varchar(30)  not null check (reason in ('UNKNOWN_MEMBER', 'NO_EVALUATION_YET', 'UNSUPPORTED_TYPE')),
  data         text,
  received_at  timestamptz  not null default now(),
  constraint unmatched_event_once unique (source, event_id)
);
create index unmatched_event_received on unmatched_event (received_at desc, id desc);
