package vn.party.evaluation.notifications;

/** notification-service did not answer in time, or answered something other than what was asked. */
public class NotificationsUnavailableException extends RuntimeException {

  public NotificationsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
