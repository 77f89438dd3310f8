-- The organization tree (issue 13): the committee above (cấp ủy cấp trên), grassroots organizations (đảng bộ cơ sở,
-- chi bộ cơ sở), optional sub-committees (đảng bộ bộ phận) and branches (chi bộ), each with its name, code, parent and
-- opening date. The rating collectives keep living in `organization` and `branch` (every campaign, report and quota
-- reads them): the unit service writes a grassroots organization's and a branch's row there in the same transaction,
-- with the branch's organization_id always its grassroots organization however deep it sits, so campaigns, reports
-- and quotas work at any depth without knowing the tree.
create table evaluation.unit (
  id               varchar(100) primary key,
  kind             varchar(20)  not null check (kind in ('SUPERIOR_COMMITTEE', 'ORGANIZATION', 'SUB_COMMITTEE', 'BRANCH')),
  parent_id        varchar(100) references evaluation.unit (id),
  organization_id  varchar(100) references evaluation.organization (id), -- the grassroots organization (null above it)
  name             varchar(300) not null,
  code             varchar(50)  not null unique,
  opened_on        date,
  dissolved_on     date,
  merged_into      varchar(100) references evaluation.unit (id),
  created_at       timestamptz  not null default now(),
  constraint unit_parent_kind check (
    (kind = 'SUPERIOR_COMMITTEE') or (kind <> 'SUPERIOR_COMMITTEE' and (kind = 'ORGANIZATION' or parent_id is not null)))
);
create index unit_parent on evaluation.unit (parent_id);

-- Every change of a unit: created, renamed, code or opening date changed, merged, dissolved, committee changed.
-- Append-only, like the roster's changes: an inspection must be able to tell when a branch was opened or merged.
create table evaluation.unit_history (
  id           bigserial    primary key,
  unit_id      varchar(100) not null references evaluation.unit (id),
  occurred_at  timestamptz  not null default clock_timestamp(),
  actor        varchar(100) not null,
  action       varchar(30)  not null,
  reason       text,
  details      jsonb        not null default '{}'::jsonb
);
create index unit_history_unit on evaluation.unit_history (unit_id, id);
create trigger unit_history_append_only
  before update or delete on evaluation.unit_history
  for each row execute function evaluation.forbid_change();
create trigger unit_history_no_truncate
  before truncate on evaluation.unit_history
  for each statement execute function evaluation.forbid_change();

-- Who sits on a unit's committee (cấp ủy: bí thư, phó bí thư, ủy viên) or on its inspection committee (ủy ban kiểm
-- tra); the person is an account of the engine (a member's account is the member id). The engine's group memberships
-- follow these rows (unit.CommitteeGroups).
create table evaluation.unit_committee_member (
  unit_id    varchar(100) not null references evaluation.unit (id),
  person_id  varchar(100) not null,
  body       varchar(20)  not null check (body in ('COMMITTEE', 'INSPECTION')),
  role       varchar(20)  not null check (role in ('SECRETARY', 'DEPUTY', 'MEMBER')),
  since      timestamptz  not null default now(),
  primary key (unit_id, body, person_id)
);
create unique index unit_committee_one_secretary on evaluation.unit_committee_member (unit_id, body)
  where role = 'SECRETARY';
create index unit_committee_person on evaluation.unit_committee_member (person_id);

-- A dissolved (or merged) branch is no longer rated nor listed for new members.
alter table evaluation.branch add column dissolved_on date;

-- The units already there (installations before the tree; the demo), each its own code.
insert into evaluation.unit (id, kind, parent_id, organization_id, name, code, opened_on)
  select id, 'ORGANIZATION', null, id, name, id, established_on from evaluation.organization;
insert into evaluation.unit (id, kind, parent_id, organization_id, name, code, opened_on)
  select id, 'BRANCH', organization_id, organization_id, name, id, established_on from evaluation.branch;
