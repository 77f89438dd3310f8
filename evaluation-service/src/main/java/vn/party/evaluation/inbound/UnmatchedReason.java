package vn.party.evaluation.inbound;

/** Why an inbound event matched nothing when it arrived. */
public enum UnmatchedReason {
  /** The member id is not in the directory (a typo upstream, or a member not yet imported). */
  UNKNOWN_MEMBER,
  /** The member is known but has no evaluation for that year yet; the event is picked up when it starts. */
  NO_EVALUATION_YET,
  /** No handler for this CloudEvent type. */
  UNSUPPORTED_TYPE,
  /** A complaint for an evaluation whose result has not been announced yet. */
  NOT_ANNOUNCED,
  /** A complaint after the complaint window closed. */
  COMPLAINT_WINDOW_CLOSED,
  /** The organization (branch or grassroots organization) id is not in the directory. */
  UNKNOWN_ORGANIZATION,
  /**
   * Issue 12: the event came from a producer that may not send its type (read on another producer's topic, or on
   * the shared topic where that is not trusted): kept for the administrator, believed nowhere.
   */
  PRODUCER_NOT_ALLOWED,
  /** The data does not match the type's JSON Schema (docs/asyncapi/schemas); the schema's message says why. */
  INVALID_DATA,
  /**
   * A comment from outside (residence area, unit leadership) for an evaluation past the point where it can be
   * considered (record.LateArrival): on the member's timeline, marked so; the record and the engine unchanged.
   */
  TOO_LATE
}
