-- Deadline notices already sent per task: a reminder before the due date, an escalation once overdue. The row is
-- written in the transaction that queues the event (outbox), so each notice goes out once, whichever node scans.
create table task_notice (
  task_id  varchar(64) not null,
  kind     varchar(20) not null check (kind in ('REMINDER', 'OVERDUE')),
  sent_at  timestamptz not null default now(),
  primary key (task_id, kind)
);
