-- Issue 12: an inbound event from a producer that may not send its type is kept as unmatched with its own reason.
-- (Whoever adds a reason after this must list PRODUCER_NOT_ALLOWED too.)
alter table evaluation.unmatched_event drop constraint unmatched_event_reason_check;
alter table evaluation.unmatched_event add constraint unmatched_event_reason_check
  check (reason in ('UNKNOWN_MEMBER', 'NO_EVALUATION_YET', 'UNSUPPORTED_TYPE', 'NOT_ANNOUNCED', 'COMPLAINT_WINDOW_CLOSED',
    'UNKNOWN_ORGANIZATION', 'PRODUCER_NOT_ALLOWED'));
