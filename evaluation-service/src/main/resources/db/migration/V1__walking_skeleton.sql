-- Domain tables of evaluation-service. The process engine keeps its own ACT_* tables in schema "public";
-- everything here lives in schema "evaluation" (Flyway default schema).

create table organization (
  id              varchar(100) primary key,
  name            varchar(300) not null,
  established_on  date
);

create table branch (
  id              varchar(100) primary key,
  organization_id varchar(100) not null references organization (id),
  name            varchar(300) not null
);
create index branch_organization on branch (organization_id);

-- A party member (đảng viên). The member id is also the member's user id in the engine's identity store.
create table party_member (
  id           varchar(100) primary key,
  full_name    varchar(300) not null,
  email        varchar(300),
  branch_id    varchar(100) not null references branch (id),
  membership   varchar(20)  not null default 'OFFICIAL' check (membership in ('OFFICIAL', 'PROBATIONARY')),
  status       varchar(20)  not null default 'ACTIVE',
  admitted_on  date
);
create index party_member_branch on party_member (branch_id);

create table campaign (
  id                     uuid primary key,
  organization_id        varchar(100) not null references organization (id),
  year                   integer      not null,
  regulation             varchar(20)  not null,
  self_review_due        timestamptz  not null,
  residence_feedback_due timestamptz  not null,
  branch_review_due      timestamptz  not null,
  decision_due           timestamptz  not null,
  status                 varchar(20)  not null,
  members_total          integer      not null default 0,
  members_started        integer      not null default 0,
  members_decided        integer      not null default 0,
  roster_prepared        boolean      not null default false,
  process_instance_id    varchar(64),
  created_by             varchar(100) not null,
  created_at             timestamptz  not null default now(),
  completed_at           timestamptz,
  -- one campaign per organization and year: a second POST is refused with 409
  constraint campaign_organization_year unique (organization_id, year)
);

-- The launch roster: one row per eligible member, worked through in bounded batches.
create table campaign_member (
  campaign_id uuid         not null references campaign (id),
  member_id   varchar(100) not null references party_member (id),
  status      varchar(20)  not null check (status in ('PENDING', 'STARTED', 'DECIDED')),
  primary key (campaign_id, member_id)
);
create index campaign_member_pending on campaign_member (campaign_id, member_id) where status = 'PENDING';

-- One member's evaluation in one year: the three levels and who/when for each.
create table member_evaluation (
  year                     integer      not null,
  member_id                varchar(100) not null references party_member (id),
  campaign_id              uuid         not null references campaign (id),
  organization_id          varchar(100) not null,
  branch_id                varchar(100) not null,
  process_instance_id      varchar(64),
  status                   varchar(30)  not null,
  self_proposed_level      varchar(20),
  self_reviewed_by         varchar(100),
  self_reviewed_at         timestamptz,
  residence_feedback       varchar(20)  not null default 'PENDING',
  residence_comment        text,
  residence_comment_by     varchar(300),
  residence_comment_at     timestamptz,
  branch_proposed_level    varchar(20),
  branch_comment           text,
  branch_reviewed_by       varchar(100),
  branch_reviewed_at       timestamptz,
  decision_comment         text,
  decided_level            varchar(20),
  decided_by               varchar(100),
  decided_at               timestamptz,
  updated_at               timestamptz  not null default now(),
  primary key (year, member_id)
);
create index member_evaluation_campaign on member_evaluation (campaign_id, decided_level);

-- Residence-area comments (nhận xét nơi cư trú) as received, kept even when no evaluation waits for them yet.
create table residence_feedback (
  id            bigserial primary key,
  year          integer      not null,
  member_id     varchar(100) not null,
  comment       text         not null,
  submitted_by  varchar(300) not null,
  event_source  varchar(300) not null,
  event_id      varchar(300) not null,
  received_at   timestamptz  not null default now()
);
create index residence_feedback_member on residence_feedback (year, member_id, id);

-- The timeline of an evaluation: append-only, the auditors' source of truth.
create table timeline_entry (
  id           bigserial primary key,
  year         integer      not null,
  member_id    varchar(100) not null,
  occurred_at  timestamptz  not null default clock_timestamp(),
  kind         varchar(40)  not null,
  task_key     varchar(100),
  task_id      varchar(64),
  actor        varchar(300),
  details      jsonb        not null default '{}'::jsonb
);
create index timeline_entry_member on timeline_entry (year, member_id, id);

create function forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'table %.% is append-only', tg_table_schema, tg_table_name;
end;
$$;
create trigger timeline_entry_append_only
  before update or delete on timeline_entry
  for each row execute function forbid_change();

-- Inbound events already handled (idempotent consumer): a redelivery finds its row and changes nothing.
create table inbox (
  source       varchar(300) not null,
  event_id     varchar(300) not null,
  type         varchar(200) not null,
  received_at  timestamptz  not null default now(),
  primary key (source, event_id)
);

-- Transactional outbox: written in the same transaction as the change, published to Kafka afterwards.
create table outbox (
  id            bigserial primary key,
  event_id      uuid         not null unique,
  topic         varchar(200) not null,
  message_key   varchar(300) not null,
  event_type    varchar(200) not null,
  payload       bytea        not null,
  created_at    timestamptz  not null default now(),
  published_at  timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
