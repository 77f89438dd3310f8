-- Twelfth session's outsider, findings 1 and 2: a residence comment or unit assessment that comes after the
-- evaluation passed the step that considers it changes nothing and is listed for the administrators with its own
-- reason, TOO_LATE. (Whoever adds a reason after this must list all of these.)
alter table evaluation.unmatched_event drop constraint unmatched_event_reason_check;
alter table evaluation.unmatched_event add constraint unmatched_event_reason_check
  check (reason in ('UNKNOWN_MEMBER', 'NO_EVALUATION_YET', 'UNSUPPORTED_TYPE', 'NOT_ANNOUNCED', 'COMPLAINT_WINDOW_CLOSED',
    'UNKNOWN_ORGANIZATION', 'PRODUCER_NOT_ALLOWED', 'INVALID_DATA', 'TOO_LATE'));
