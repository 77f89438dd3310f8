-- One length per text (issue 12): storage holds the texts that come from outside to the same limits as the event
-- contract and the API (vn.party.evaluation.process.TextLimits; TextLimitsTest reads these constraints back and
-- compares them with the class). The columns stay text: a comment longer than an engine variable (varchar(4000))
-- is kept whole here, the engine gets what fits.
alter table evaluation.residence_feedback
  add constraint residence_feedback_comment_length check (char_length(comment) <= 10000);
alter table evaluation.member_evaluation
  add constraint member_evaluation_residence_comment_length check (char_length(residence_comment) <= 10000),
  add constraint member_evaluation_unit_comment_length check (char_length(unit_comment) <= 10000);
alter table evaluation.unit_assessment
  add constraint unit_assessment_comment_length check (char_length(comment) <= 10000);
alter table evaluation.complaint
  add constraint complaint_grounds_length check (char_length(grounds) <= 4000);
