-- Official documents (issue 14): the letterhead of each grassroots organization and the register of the numbers its
-- documents carry ("Số 12-QĐ/ĐU"), one sequence per unit, year and kind of document.

-- The header lines of an organization's documents (Hướng dẫn thể thức văn bản của Đảng): the superior party unit
-- (e.g. "Đảng bộ quận Thanh Khê") above the issuing one, and the place name written before the date
-- ("Thanh Khê, ngày 06 tháng 12 năm 2026"). Without a row the documents leave both as dotted lines to fill in.
create table document_letterhead (
  organization_id  varchar(100) primary key references organization (id),
  superior_name    varchar(300),
  place            varchar(100)
);

-- The number register: a document gets its number the first time it is issued and keeps it (downloading it again
-- prints the same number); numbers run from 1 per unit, year and kind, without gaps or duplicates.
create table document_number (
  unit_id      varchar(100) not null,
  year         integer      not null,
  kind         varchar(30)  not null,
  subject      varchar(200) not null,
  number       integer      not null check (number > 0),
  issued_by    varchar(100) not null,
  issued_at    timestamptz  not null default now(),
  primary key (unit_id, year, kind, subject),
  constraint document_number_unique unique (unit_id, year, kind, number)
);
