-- Issue 16: inbound data is checked against the event type's JSON Schema (docs/asyncapi/schemas) before any handler
-- reads it. Data that does not match is kept as unmatched (INVALID_DATA) with the schema's message, for the
-- administrator and the producer, instead of going to the dead-letter topic without a word.
-- (after V36: PRODUCER_NOT_ALLOWED stays allowed; whoever adds a reason after this must list both.)
alter table unmatched_event add column problem varchar(2000);
alter table unmatched_event drop constraint unmatched_event_reason_check;
alter table unmatched_event add constraint unmatched_event_reason_check
  check (reason in ('UNKNOWN_MEMBER', 'NO_EVALUATION_YET', 'UNSUPPORTED_TYPE', 'NOT_ANNOUNCED', 'COMPLAINT_WINDOW_CLOSED',
    'UNKNOWN_ORGANIZATION', 'PRODUCER_NOT_ALLOWED', 'INVALID_DATA'));
