package vn.party.evaluation.process;

import java.util.Date;

/**
 * A campaign's deadlines, read by member-evaluation's expressions when a task or a timer is created ({@code
 * camunda:dueDate="${campaignDeadlines.selfReview(campaignId)}"}, {@code
 * <timeDate>${campaignDeadlines.residenceFeedback(campaignId)}</timeDate>}) rather than copied into every instance at
 * its start. The deploying application provides an implementation as the bean {@link
 * DelegateNames#CAMPAIGN_DEADLINES}; {@code campaignId} is the instance's start variable {@link
 * ProcessVariables#CAMPAIGN_ID}. A deadline the campaign has at that moment is the one the task or timer gets.
 */
public interface CampaignDeadlines {

  /** Until when the member writes the self-review (the self-review task's due date). */
  Date selfReview(String campaignId);

  /** Until when the residence comment is waited for (the timer {@code residence-feedback-deadline}). */
  Date residenceFeedback(String campaignId);

  /** Until when the unit leadership's assessment is waited for (the timer {@code unit-assessment-deadline}). */
  Date unitAssessment(String campaignId);

  /** The branch review task's due date. */
  Date branchReview(String campaignId);

  /** The committee decision task's due date. */
  Date decision(String campaignId);
}
