-- Roster import (issue 13): the facts the organizations keep in their lists, and the imports themselves.
-- card_number (số thẻ đảng viên) identifies a member across imports: a changed file updates the member by it.
alter table evaluation.party_member
  add column card_number   varchar(20),
  add column date_of_birth date,
  add column sex           varchar(10) check (sex in ('MALE', 'FEMALE')),
  add column official_on   date,          -- ngày chính thức (recognition as an official member)
  add column party_post    varchar(300),  -- chức vụ Đảng, as written in the list
  add column state_post    varchar(300),  -- chức vụ chính quyền, đoàn thể
  add column phone         varchar(30);
create unique index party_member_card_number on evaluation.party_member (card_number) where card_number is not null;

-- Each uploaded file: kept until committed (the commit reads the same bytes again and checks them again), with its
-- hash, who uploaded and who committed it, and the counts. Nothing of a member is written before the commit.
create table evaluation.roster_import (
  id               uuid         primary key,
  organization_id  varchar(100) not null references evaluation.organization (id),
  file_name        varchar(300) not null,
  format           varchar(10)  not null check (format in ('XLSX', 'CSV')),
  sha256           char(64)     not null,
  content          bytea        not null,
  uploaded_by      varchar(100) not null,
  uploaded_at      timestamptz  not null default now(),
  rows_total       integer      not null,
  problems_total   integer      not null,
  status           varchar(20)  not null check (status in ('PREVIEWED', 'COMMITTED')),
  committed_by     varchar(100),
  committed_at     timestamptz,
  members_created  integer,
  members_updated  integer,
  members_unchanged integer
);
create index roster_import_organization on evaluation.roster_import (organization_id, uploaded_at);
