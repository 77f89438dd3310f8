-- What a movement does to a running campaign (issue 13): an evaluation ended by leaving, death or a transfer keeps its
-- row and history (status ENDED, with the reason and when), and each movement records what it did to the campaign.
alter table evaluation.member_evaluation
  add column ended_reason varchar(40),
  add column ended_at     timestamptz;

alter table evaluation.member_movement
  add column campaign_effect varchar(20) not null default 'NONE'
    check (campaign_effect in ('NONE', 'ENDED', 'MOVED', 'KEPT', 'FORM_CHANGED'));
