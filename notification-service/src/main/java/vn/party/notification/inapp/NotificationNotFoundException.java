package vn.party.notification.inapp;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No such notification for the signed-in user. Someone else's notification gets the same answer,
 * so ids of other users' notifications cannot be probed.
 */
public class NotificationNotFoundException extends ErrorResponseException {

  public NotificationNotFoundException(UUID id) {
    super(
        HttpStatus.NOT_FOUND,
        ProblemDetail.forStatus(HttpStatus.NOT_FOUND),
        null,
        null,
        new Object[] {id});
  }
}
