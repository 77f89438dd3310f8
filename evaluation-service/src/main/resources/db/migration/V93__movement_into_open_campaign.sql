-- Issue 13: a transfer into another organization whose campaign for the year is running ends the evaluation here and
-- starts the member's evaluation in that campaign (RunningCampaignEffects, RunningCampaignJoins): TRANSFERRED.
alter table evaluation.member_movement drop constraint if exists member_movement_campaign_effect_check;
alter table evaluation.member_movement add constraint member_movement_campaign_effect_check
  check (campaign_effect in ('NONE', 'ENDED', 'MOVED', 'KEPT', 'FORM_CHANGED', 'TRANSFERRED'));
