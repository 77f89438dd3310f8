package vn.party.notification.inbox;

/**
 * A record that can never be processed (not CloudEvents 1.0 JSON, or data not as the contract says).
 * It carries no cause: the message says why, and the exception travels Java-serialized in a record
 * header, which a library exception as cause could break.
 */
public class InvalidEventException extends RuntimeException {

  public InvalidEventException(String message) {
    super(message);
  }
}
