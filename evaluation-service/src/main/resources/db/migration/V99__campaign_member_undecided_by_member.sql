-- Each decision asks whether a member of the open stage is still undecided (Campaigns.anyUndecided). Asked as
-- EXISTS over campaign_member_undecided (campaign_id), PostgreSQL judged a sequential scan cheaper to the first
-- match whenever many rows are undecided (several campaigns open at once: the bench's lifecycle read 1,580 rows of
-- campaign_member per member, 0.38 sequential scans per decision, run 234639; in a shared December every
-- organization's campaign is open). The question is now "the first undecided member by id", which only an index in
-- member order answers without reading and sorting the campaign's rows: this one, of the undecided rows only.
create index campaign_member_undecided_by_member on evaluation.campaign_member (campaign_id, member_id)
  where status in ('PENDING', 'STARTED');
drop index evaluation.campaign_member_undecided;
