package vn.party.evaluation.inbound;

/** Why an inbound event matched nothing when it arrived. */
public enum UnmatchedReason {
  /** The member id is not in the directory (a typo upstream, or a member not yet imported). */
  UNKNOWN_MEMBER,
  /** The member is known but has no evaluation for that year yet; the event is picked up when it starts. */
  NO_EVALUATION_YET,
  /** No handler for this CloudEvent type. */
  UNSUPPORTED_TYPE
}
