package vn.party.notification.inbox;

/** Rating levels of the contract; their Vietnamese names are in the message bundles ({@code level.*}). */
public enum Level {
  EXCELLENT,
  GOOD,
  COMPLETED,
  NOT_COMPLETED
}
