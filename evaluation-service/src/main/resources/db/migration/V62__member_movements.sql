-- Movements during the year (issue 13): transfers between branches and organizations (chuyển sinh hoạt đảng), a
-- transfer out of the system, recognition as an official member, leaving the Party, death. Append-only: the roster's
-- facts change with each (recorded in member_roster_change too), this is the list an inspection reads.
create table evaluation.member_movement (
  id           bigserial    primary key,
  member_id    varchar(100) not null references evaluation.party_member (id),
  kind         varchar(20)  not null check (kind in ('TRANSFER', 'TRANSFER_OUT', 'RECOGNITION', 'LEAVING', 'DEATH')),
  occurred_on  date         not null,
  from_branch  varchar(100),
  to_branch    varchar(100),
  reason       text         not null,
  recorded_by  varchar(100) not null,
  recorded_at  timestamptz  not null default clock_timestamp()
);
create index member_movement_member on evaluation.member_movement (member_id, id);
create trigger member_movement_append_only
  before update or delete on evaluation.member_movement
  for each row execute function evaluation.forbid_change();
