-- The branch's review meeting (họp chi bộ kiểm điểm): attendance once, then each member's criticism, the vote per
-- level and the proposal. Written together with the branch-review completions it records.
create table branch_meeting (
  id                 uuid         primary key,
  branch_id          varchar(100) not null references branch (id),
  year               integer      not null,
  held_on            date         not null,
  place              varchar(300) not null,
  official_members   integer      not null check (official_members > 0),
  exempted_members   integer      not null check (exempted_members >= 0),
  present            integer      not null check (present >= 0),
  absent_names       text,
  recorded_by        varchar(100) not null,
  recorded_at        timestamptz  not null default now()
);
create index branch_meeting_branch on branch_meeting (branch_id, year);

create table branch_meeting_vote (
  meeting_id           uuid         not null references branch_meeting (id),
  member_id            varchar(100) not null,
  votes_excellent      integer      not null check (votes_excellent >= 0),
  votes_good           integer      not null check (votes_good >= 0),
  votes_completed      integer      not null check (votes_completed >= 0),
  votes_not_completed  integer      not null check (votes_not_completed >= 0),
  proposed_level       varchar(20)  not null,
  criticism            text,
  primary key (meeting_id, member_id)
);
