-- Level caps (issue 3): the facts from other systems that cap a member's level, as received on Kafka, and the cap
-- in force on each evaluation. Facts are kept even when no evaluation exists yet (picked up when it starts) or the
-- member is unknown (listed for the administrator as unmatched events).

-- Discipline decisions (vn.party.member.disciplined). One row per decision and year: a decision sent again (a
-- correction, a new CloudEvent id) replaces its row, so one violation counts once.
create table evaluation.discipline_decision (
  id                          bigserial primary key,
  year                        integer      not null,
  member_id                   varchar(100) not null,
  decision_id                 varchar(200) not null,  -- the decision's own number, e.g. "15-QĐ/UBKT"
  form                        varchar(20)  not null
    check (form in ('REPRIMAND', 'WARNING', 'DISMISSAL', 'EXPULSION')),
  self_detected_and_remedied  boolean      not null,
  decided_on                  date         not null,
  decided_by                  varchar(300) not null,
  event_source                varchar(300) not null,
  event_id                    varchar(300) not null,
  received_at                 timestamptz  not null default now(),
  constraint discipline_decision_once unique (year, member_id, decision_id)
);

-- The unit leadership's assessment with the civil-service level (vn.party.member.unit-assessment); the latest
-- received counts. A null level: the member has no civil-service rating (not in the state apparatus).
create table evaluation.unit_assessment (
  id                   bigserial primary key,
  year                 integer      not null,
  member_id            varchar(100) not null,
  civil_service_level  varchar(20)
    check (civil_service_level in ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED')),
  comment              text         not null,
  assessed_by          varchar(300) not null,
  event_source         varchar(300) not null,
  event_id             varchar(300) not null,
  received_at          timestamptz  not null default now()
);
create index unit_assessment_member on evaluation.unit_assessment (year, member_id, id);

-- The strictest cap in force on the evaluation (null: none), the member-caps rule that set it, for the API and
-- for readers of the record; its history is on the timeline (LEVEL_CAP_APPLIED / LEVEL_CAP_LIFTED).
alter table evaluation.member_evaluation
  add column level_cap        varchar(20),
  add column level_cap_reason varchar(40),
  add column level_cap_rule   varchar(200);
