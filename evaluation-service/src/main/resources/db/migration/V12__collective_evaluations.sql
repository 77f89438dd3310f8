-- Collective ratings (issue 3): each branch (chi bộ) and the grassroots organization (tổ chức cơ sở đảng) rated as a
-- collective after its members, with its self-review (Mẫu 01), the decided level, who/when, and the cap in force.

-- Who belongs to a leadership collective (tập thể lãnh đạo), for the collective caps: a flag on the member rather
-- than the engine's committee groups, because the committees' users (secretary1, committee) are accounts, not party
-- members with discipline records. BRANCH_COMMITTEE: the branch committee (chi ủy) of the member's own branch;
-- ORGANIZATION_COMMITTEE: the grassroots committee (đảng ủy cơ sở) of the member's organization (also counted as
-- leadership of their own branch).
alter table evaluation.party_member
  add column leadership varchar(30) check (leadership in ('BRANCH_COMMITTEE', 'ORGANIZATION_COMMITTEE'));

-- A branch set up less than six months before the year's end is not rated (organization-eligibility); no date: an
-- established branch.
alter table evaluation.branch add column established_on date;

create table evaluation.collective_evaluation (
  year                 integer      not null,
  collective_id        varchar(100) not null,  -- the branch id or the organization id
  kind                 varchar(20)  not null check (kind in ('BRANCH', 'ORGANIZATION')),
  organization_id      varchar(100) not null references evaluation.organization (id),
  campaign_id          uuid         not null references evaluation.campaign (id),
  name                 varchar(300) not null,
  status               varchar(30)  not null
    check (status in ('NOT_RATED', 'PENDING', 'SELF_REVIEW', 'DECISION', 'DECIDED')),
  not_rated_reason     varchar(40),            -- organization-eligibility reason code when NOT_RATED
  eligibility_rule     varchar(200),           -- the rule row that said whether it is rated
  process_instance_id  varchar(64),
  strengths            text,                   -- Mẫu 01 I: strengths and results per area
  limitations          text,                   -- II: limitations and their causes
  remedial_measures    text,                   -- III: remedies
  self_proposed_level  varchar(20),            -- IV: the level the collective proposes for itself
  self_reviewed_by     varchar(100),
  self_reviewed_at     timestamptz,
  decided_level        varchar(20),
  decision_comment     text,
  decided_by           varchar(100),
  decided_at           timestamptz,
  level_cap            varchar(20),            -- the strictest collective cap in force (null: none)
  level_cap_reason     varchar(40),
  level_cap_rule       varchar(200),
  updated_at           timestamptz  not null default now(),
  primary key (year, collective_id)
);
create index collective_evaluation_campaign on evaluation.collective_evaluation (campaign_id, kind);
