-- Every change an administrator or the grassroots committee makes to a member's roster facts (PATCH
-- /api/v1/members/{memberId}, or the page /app/members/{memberId}): who, when, why (e.g. the decision number) and the
-- changed fields with their values before and after. Written in the same transaction as the change to party_member.
-- Append-only like timeline_entry: the facts decide eligibility, the self-review form, the unit-assessment wait and
-- the collective caps, so an inspection must be able to tell who changed them and on what grounds.
create table evaluation.member_roster_change (
  id          bigserial    primary key,
  member_id   varchar(100) not null references evaluation.party_member (id),
  changed_at  timestamptz  not null default clock_timestamp(),
  changed_by  varchar(100) not null,
  reason      text         not null,
  -- [{"field": "exempted", "from": false, "to": true}, …]: only the fields that changed, by their API names
  changes     jsonb        not null check (jsonb_typeof(changes) = 'array' and jsonb_array_length(changes) > 0)
);
create index member_roster_change_member on evaluation.member_roster_change (member_id, id);

create trigger member_roster_change_append_only
  before update or delete on evaluation.member_roster_change
  for each row execute function evaluation.forbid_change();
create trigger member_roster_change_no_truncate
  before truncate on evaluation.member_roster_change
  for each statement execute function evaluation.forbid_change();
