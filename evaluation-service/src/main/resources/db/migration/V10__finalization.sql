-- Finalization of an organization's member results within the EXCELLENT quota (finalize-results task).

-- A level the grassroots committee adjusted while finalizing. The member_evaluation row then holds the adjusted
-- level; these rows keep every earlier level and why it changed (from_level of the first one is the original
-- decision). Append-only like the timeline.
create table level_adjustment (
  id               bigserial    primary key,
  year             integer      not null,
  member_id        varchar(100) not null,
  campaign_id      uuid         not null references campaign (id),
  organization_id  varchar(100) not null,
  from_level       varchar(20)  not null check (from_level in ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED')),
  to_level         varchar(20)  not null check (to_level in ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED')),
  reason           text         not null,
  adjusted_by      varchar(100) not null,
  adjusted_at      timestamptz  not null default now(),
  foreign key (year, member_id) references member_evaluation (year, member_id)
);
create index level_adjustment_member on level_adjustment (year, member_id);
create trigger level_adjustment_append_only before update or delete on level_adjustment
  for each row execute function forbid_change();

-- The committee finalized the campaign's results, with the figures the quota was checked on.
create table result_finalization (
  campaign_id        uuid         primary key references campaign (id),
  excellent          integer      not null,
  good               integer      not null,
  excellent_allowed  integer      not null check (excellent <= excellent_allowed),
  finalized_by       varchar(100) not null,
  finalized_at       timestamptz  not null default now()
);
