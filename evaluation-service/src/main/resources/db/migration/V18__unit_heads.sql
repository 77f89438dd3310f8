-- Who heads a unit: the secretary of a branch (bí thư chi bộ) or of the grassroots organization (bí thư đảng ủy cơ
-- sở). Under the regulation a collective is rated before its head, and the head's level is tied to the unit's; the
-- campaign therefore decides heads after their unit (see the README's rules table).
alter table evaluation.party_member
  add column head_of varchar(20) check (head_of in ('BRANCH', 'ORGANIZATION'));
-- One head per branch. One head per organization is kept by the roster service, which locks the organization's row
-- (a member reaches the organization through the branch, so no index can say it).
create unique index party_member_one_branch_head on evaluation.party_member (branch_id) where head_of = 'BRANCH';

-- Frozen at launch like the other roster facts: which unit the member heads in this campaign.
alter table evaluation.campaign_member
  add column head_of varchar(20) check (head_of in ('BRANCH', 'ORGANIZATION'));

-- Which member decisions the campaign is waiting for now: MEMBERS (everyone but the heads, before the branches are
-- rated), BRANCH_HEADS (the branch heads too, before the organization), ALL (the organization's head too, before
-- finalizing). Null for a campaign launched before this migration, whose process waits for all its members.
alter table evaluation.campaign
  add column decision_stage varchar(20) check (decision_stage in ('MEMBERS', 'BRANCH_HEADS', 'ALL'));
-- Each decision asks whether a member of the open stage is still undecided: only the undecided rows are indexed.
create index campaign_member_undecided on evaluation.campaign_member (campaign_id)
  where status in ('PENDING', 'STARTED');
