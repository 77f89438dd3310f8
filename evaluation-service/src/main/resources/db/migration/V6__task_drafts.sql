-- Drafts of task forms (a self-review written over several evenings), kept outside the engine: engine variables
-- set on the task would shadow the process variables the completion must set. Deleted when the task completes.
create table task_draft (
  task_id    varchar(64)  primary key,
  task_key   varchar(100) not null,
  year       integer,
  member_id  varchar(100),
  draft      jsonb        not null,
  saved_by   varchar(100) not null,
  saved_at   timestamptz  not null default now()
);
