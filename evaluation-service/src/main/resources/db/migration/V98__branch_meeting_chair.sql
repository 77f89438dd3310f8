-- Who chaired the branch's review meeting (chủ trì), picked on the meeting page or in the API (thirteenth session:
-- the minutes named an absent secretary as chair). Null for meetings recorded before it was asked: the minutes then
-- name the branch's secretary unless listed absent.
alter table evaluation.branch_meeting add column chair_id varchar(100);
