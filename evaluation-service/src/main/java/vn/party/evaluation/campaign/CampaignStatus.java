package vn.party.evaluation.campaign;

public enum CampaignStatus {
  /** Roster being prepared and member evaluations being started, batch by batch. */
  LAUNCHING,
  /** Every eligible member's evaluation is started; decisions pending. */
  RUNNING,
  /** Every member decided. */
  COMPLETED
}
