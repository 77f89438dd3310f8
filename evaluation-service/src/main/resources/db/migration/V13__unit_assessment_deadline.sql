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
