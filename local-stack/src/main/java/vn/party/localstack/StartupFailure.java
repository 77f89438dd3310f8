package vn.party.localstack;

/** Messages of start-up failures, whose root cause is usually the useful part. */
final class StartupFailure {

  private StartupFailure() {}

  /** The message of {@code e} with its root cause. */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + t + ")";
  }
}
