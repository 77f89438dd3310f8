-- Eligibility at campaign launch (issue 3): who is not rated, and why, recorded on the roster.

alter table party_member
  add column exempted  boolean not null default false,  -- miễn công tác và sinh hoạt đảng
  add column suspended boolean not null default false;  -- đình chỉ sinh hoạt đảng

alter table campaign_member drop constraint campaign_member_status_check;
alter table campaign_member
  add constraint campaign_member_status_check check (status in ('PENDING', 'STARTED', 'DECIDED', 'NOT_RATED')),
  add column reason    varchar(40),  -- the eligibility decision's reason code (e.g. SUSPENDED)
  add column form_kind varchar(20),  -- OFFICIAL | PROBATIONARY for rated members
  add column rule_id   varchar(200); -- the decision-table row that said so

alter table campaign add column members_not_rated integer not null default 0;
