-- Re-ratings (xếp loại lại): a decision record of its own beside the original one in member_evaluation, which stays
-- unchanged. One per discipline decision that arrived after the year's evaluation was final.
create table rerating (
  year                    integer      not null,
  member_id               varchar(100) not null,
  discipline_decision_id  varchar(100) not null,
  process_instance_id     varchar(64)  not null,
  original_level          varchar(20)  not null,
  rerated_level           varchar(20),
  comment                 text,
  decided_by              varchar(100),
  started_at              timestamptz  not null default now(),
  decided_at              timestamptz,
  primary key (year, member_id, discipline_decision_id)
);
