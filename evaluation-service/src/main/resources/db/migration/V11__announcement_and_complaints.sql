-- Announcement of a campaign's results and its complaint window (step 5 of the domain notes). The window's end is
-- fixed when the results are announced; closed_at is set when the window's timer closes intake. Complaint intake and
-- the closing both lock this row, so a complaint is either counted before the close or refused after it.
create table announcement (
  campaign_id      uuid         primary key references campaign (id),
  organization_id  varchar(100) not null,
  year             integer      not null,
  announced_at     timestamptz  not null default now(),
  window_end       timestamptz  not null,
  closed_at        timestamptz,
  constraint announcement_once unique (organization_id, year)
);

-- A re-appraisal (thẩm định lại) by the committee above: one per member and year, started by the first complaint
-- in the window. The original decision in member_evaluation stays unchanged; the outcome is kept here beside it.
create table reappraisal (
  year                 integer      not null,
  member_id            varchar(100) not null,
  campaign_id          uuid         not null references campaign (id),
  process_instance_id  varchar(64)  not null,
  original_level       varchar(20)  not null,
  reappraised_level    varchar(20),
  comment              text,
  decided_by           varchar(100),
  started_at           timestamptz  not null default now(),
  decided_at           timestamptz,
  primary key (year, member_id)
);
create index reappraisal_open on reappraisal (campaign_id) where decided_at is null;

-- Every complaint received in a window, by the API (the member) or as an event (vn.party.member.complaint).
create table complaint (
  id            bigserial    primary key,
  year          integer      not null,
  member_id     varchar(100) not null,
  campaign_id   uuid         not null references campaign (id),
  grounds       text         not null,
  submitted_by  varchar(300) not null,
  channel       varchar(10)  not null check (channel in ('API', 'EVENT')),
  event_source  varchar(300),
  event_id      varchar(300),
  received_at   timestamptz  not null default now(),
  foreign key (year, member_id) references reappraisal (year, member_id)
);
create index complaint_member on complaint (year, member_id, id);

-- Complaints that come as events and match nothing are kept like the other unmatched events, with two more reasons.
alter table unmatched_event drop constraint unmatched_event_reason_check;
alter table unmatched_event add constraint unmatched_event_reason_check
  check (reason in ('UNKNOWN_MEMBER', 'NO_EVALUATION_YET', 'UNSUPPORTED_TYPE', 'NOT_ANNOUNCED', 'COMPLAINT_WINDOW_CLOSED'));
