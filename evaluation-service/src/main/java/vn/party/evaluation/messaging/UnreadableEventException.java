package vn.party.evaluation.messaging;

/** A record that can never be processed (not a CloudEvent, unknown spec version, missing data): dead-lettered. */
public class UnreadableEventException extends RuntimeException {

  public UnreadableEventException(String message) {
    super(message);
  }

  public UnreadableEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
