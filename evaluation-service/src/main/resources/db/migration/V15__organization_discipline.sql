-- Discipline decisions against a party organization (vn.party.organization.disciplined): a branch or a grassroots
-- organization. A disciplined branch is a fact for the caps of the organization above it (366: no subordinate unit
-- disciplined for EXCELLENT). One row per decision and year: the same decision sent again (a correction, a new
-- CloudEvent id) replaces its row, so one decision counts once. Kept only for known organizations; an unknown one is
-- listed as an unmatched event (UNKNOWN_ORGANIZATION).
create table evaluation.organization_discipline_decision (
  id               bigserial primary key,
  year             integer      not null,
  organization_id  varchar(100) not null,  -- a branch id or a grassroots organization id
  kind             varchar(20)  not null check (kind in ('BRANCH', 'ORGANIZATION')),
  decision_id      varchar(200) not null,
  form             varchar(20)  not null check (form in ('REPRIMAND', 'WARNING', 'DISSOLUTION')),
  decided_on       date         not null,
  decided_by       varchar(300) not null,
  event_source     varchar(300) not null,
  event_id         varchar(300) not null,
  received_at      timestamptz  not null default now(),
  constraint organization_discipline_decision_once unique (year, organization_id, decision_id)
);
create index organization_discipline_decision_unit on evaluation.organization_discipline_decision (year, organization_id);

alter table unmatched_event drop constraint unmatched_event_reason_check;
alter table unmatched_event add constraint unmatched_event_reason_check
  check (reason in ('UNKNOWN_MEMBER', 'NO_EVALUATION_YET', 'UNSUPPORTED_TYPE', 'NOT_ANNOUNCED', 'COMPLAINT_WINDOW_CLOSED',
    'UNKNOWN_ORGANIZATION'));
