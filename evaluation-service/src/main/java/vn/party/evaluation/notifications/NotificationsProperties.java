package vn.party.evaluation.notifications;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the people's pages reach notification-service on behalf of the signed-in person.
 *
 * @param url             notification-service's base URL
 * @param timeout         connect and read timeout of each call: a page waits at most this long, then says the
 *                        notifications are unavailable
 * @param pauseAfterFailure after a failed call, the header's unread count is not asked for this long, so that every
 *                        page does not wait out the timeout while notification-service is down
 * @param onBehalfSecret  HMAC key shared with notification-service ({@code notification.on-behalf.secret})
 * @param tokenLifetime   how long a token is valid; within notification-service's {@code max-lifetime}
 */
@ConfigurationProperties("evaluation.notifications")
public record NotificationsProperties(
    URI url,
    Duration timeout,
    Duration pauseAfterFailure,
    String onBehalfSecret,
    Duration tokenLifetime) {}
