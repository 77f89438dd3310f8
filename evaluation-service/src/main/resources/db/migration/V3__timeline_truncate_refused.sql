-- The timeline is append-only: TRUNCATE is refused like UPDATE and DELETE (found by the audit-trail test).
create trigger timeline_entry_no_truncate
  before truncate on timeline_entry
  for each statement execute function forbid_change();
