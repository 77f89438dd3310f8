-- The unit leadership's assessment (nhận xét của lãnh đạo đơn vị) gets a deadline like the residence comment, and a
-- missing one is recorded as missing.

-- Who is expected to have a unit assessment: a member holding a post in the state apparatus (cán bộ, công chức,
-- viên chức) has a civil-service rating from the unit; others (retired, workers, farmers, students…) have none and
-- are not waited for. Kept in the member directory, maintained with the members' posts.
alter table evaluation.party_member
  add column civil_servant boolean not null default false;

-- Until when the evaluations of a campaign wait for the unit assessment. Existing campaigns: the residence deadline,
-- the default the API applies when none is given.
alter table evaluation.campaign add column unit_assessment_due timestamptz;
update evaluation.campaign set unit_assessment_due = residence_feedback_due;
alter table evaluation.campaign alter column unit_assessment_due set not null;

-- The share of the year's tasks the member completed, as the unit reports it: the 132-QĐ/TW cap input
-- tasksCompletedPercent (under 50 % → not above NOT_COMPLETED). Optional in the event.
alter table evaluation.unit_assessment
  add column tasks_completed_percent numeric(5, 2)
    check (tasks_completed_percent between 0 and 100);

-- On the evaluation record, like the residence comment: PENDING until it arrives (RECEIVED) or its deadline passes
-- (MISSING); NOT_EXPECTED for a member without a civil-service post.
alter table evaluation.member_evaluation
  add column unit_assessment   varchar(20) not null default 'PENDING'
    check (unit_assessment in ('PENDING', 'RECEIVED', 'MISSING', 'NOT_EXPECTED')),
  add column unit_comment      text,
  add column unit_comment_by   varchar(300),
  add column unit_comment_at   timestamptz;

-- Who writes the leader's items of Mẫu 02B: members holding a leadership or management post (secretary, deputy,
-- committee member, head of a unit…). Kept in the member directory; read when the evaluation starts.
alter table evaluation.party_member
  add column leadership_post boolean not null default false;

-- The submitted self-review (Mẫu 02A/02B), kept whole and unchanged: the texts may be longer than an engine variable
-- (varchar(4000)), so they live here, not in the engine. content is every submitted field by name; content_sha256
-- the hash of its canonical JSON (keys sorted), so a reader can tell it is what was submitted. One version per
-- submission; nothing is ever updated or deleted (trigger).
create table evaluation.self_review (
  year                 integer      not null,
  member_id            varchar(100) not null,
  version              integer      not null,
  task_id              varchar(64)  not null,
  regulation           varchar(20)  not null,
  form                 varchar(3)   not null check (form in ('02A', '02B')),
  content              jsonb        not null,
  content_sha256       char(64)     not null,
  general_points       numeric(6, 2),
  task_points          numeric(6, 2),
  total_points         numeric(6, 2),
  derived_level        varchar(20),
  derived_level_rule   varchar(200),
  self_proposed_level  varchar(20)  not null,
  submitted_by         varchar(100) not null,
  submitted_at         timestamptz  not null default now(),
  primary key (year, member_id, version)
);
create trigger self_review_unchanged
  before update or delete on evaluation.self_review
  for each row execute function evaluation.forbid_change();
create trigger self_review_no_truncate
  before truncate on evaluation.self_review
  for each statement execute function evaluation.forbid_change();
