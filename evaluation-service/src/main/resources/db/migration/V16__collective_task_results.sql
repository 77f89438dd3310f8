-- The collective's task results, stated in its own self-review (Mẫu 01, optional): under 366-QĐ/TW a collective is
-- COMPLETED only with all tasks done and at most 20 % late, GOOD only with every task on time (collective-caps).
-- Null: not stated (caps nothing). Kept beside the self-review for the record page and the raters' form.
alter table evaluation.collective_evaluation
  add column all_tasks_done     boolean,
  add column late_tasks_percent double precision check (late_tasks_percent between 0 and 100);
