package vn.party.evaluation.notifications;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import vn.party.evaluation.web.ApiException;

/**
 * notification-service's API, called by the people's pages for the signed-in person with an on-behalf token
 * ({@link OnBehalfTokens}), with short timeouts. Anything but a clear answer is
 * {@link NotificationsUnavailableException}: the pages then say so and go on.
 */
@Component
@EnableConfigurationProperties(NotificationsProperties.class)
public class NotificationClient {

  private static final Logger log = LoggerFactory.getLogger(NotificationClient.class);

  private final RestClient client;
  private final OnBehalfTokens tokens;
  private final NotificationsProperties properties;
  private final Clock clock = Clock.systemUTC();

  /** Until when the header's count is not asked for, after a failure. */
  private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);

  public NotificationClient(RestClient.Builder builder, NotificationsProperties properties) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(properties.timeout());
    this.client =
        builder.clone().baseUrl(properties.url().toString()).requestFactory(factory).build();
    // without a secret the pages cannot speak for anyone: they say notifications are unavailable
    this.tokens =
        properties.onBehalfSecret() == null || properties.onBehalfSecret().isBlank()
            ? null
            : new OnBehalfTokens(properties.onBehalfSecret(), properties.tokenLifetime(), clock);
    this.properties = properties;
  }

  /**
   * The unread count for the page header; empty when notification-service is not answering (then it is not asked
   * again for {@code pause-after-failure}, so that pages stay quick).
   */
  public Optional<Long> unreadCount(String userId) {
    if (clock.instant().isBefore(pausedUntil.get())) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          call(() ->
                  client
                      .get()
                      .uri("/api/v1/notifications?unreadOnly=true&limit=1")
                      .headers(h -> auth(h, userId, Locale.ROOT))
                      .retrieve()
                      .body(Notifications.Page.class))
              .unreadCount());
    } catch (NotificationsUnavailableException e) {
      return Optional.empty();
    }
  }

  public Notifications.Page list(String userId, Locale locale) {
    return call(
        () ->
            client
                .get()
                .uri("/api/v1/notifications?limit=100")
                .headers(h -> auth(h, userId, locale))
                .retrieve()
                .body(Notifications.Page.class));
  }

  /** @throws ApiException 404 when the person has no such notification */
  public Notifications.Item markRead(String userId, UUID id, Locale locale) {
    try {
      return call(
          () ->
              client
                  .post()
                  .uri("/api/v1/notifications/{id}/read", id)
                  .headers(h -> auth(h, userId, locale))
                  .retrieve()
                  .body(Notifications.Item.class));
    } catch (NotificationsUnavailableException e) {
      if (e.getCause() instanceof RestClientResponseException answer
          && answer.getStatusCode().value() == 404) {
        throw ApiException.notFound("error.notification.not-found", id);
      }
      throw e;
    }
  }

  public Notifications.ReadAll markAllRead(String userId) {
    return call(
        () ->
            client
                .post()
                .uri("/api/v1/notifications/read-all")
                .headers(h -> auth(h, userId, Locale.ROOT))
                .retrieve()
                .body(Notifications.ReadAll.class));
  }

  public Notifications.Preference preference(String userId) {
    return call(
        () ->
            client
                .get()
                .uri("/api/v1/notifications/preferences")
                .headers(h -> auth(h, userId, Locale.ROOT))
                .retrieve()
                .body(Notifications.Preference.class));
  }

  public Notifications.Preference choose(String userId, boolean emailEnabled) {
    return call(
        () ->
            client
                .put()
                .uri("/api/v1/notifications/preferences")
                .headers(h -> auth(h, userId, Locale.ROOT))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("emailEnabled", emailEnabled))
                .retrieve()
                .body(Notifications.Preference.class));
  }

  private void auth(HttpHeaders headers, String userId, Locale locale) {
    if (tokens == null) {
      throw new NotificationsUnavailableException(
          "evaluation.notifications.on-behalf-secret is not set", null);
    }
    headers.setBearerAuth(tokens.tokenFor(userId));
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    if (!locale.getLanguage().isEmpty()) {
      headers.set(HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag());
    }
  }

  private <T> T call(Supplier<T> request) {
    try {
      T answer = request.get();
      if (answer == null) {
        throw new NotificationsUnavailableException(
            "notification-service answered without a body", null);
      }
      return answer;
    } catch (RestClientResponseException answer) {
      HttpStatusCode status = answer.getStatusCode();
      if (status.is5xxServerError() || status.value() == 401) {
        pause();
      }
      log.warn("notification-service answered HTTP {}", status.value());
      throw new NotificationsUnavailableException(
          "notification-service answered HTTP " + status.value(), answer);
    } catch (RestClientException unreachable) {
      pause();
      log.warn("notification-service not reachable: {}", unreachable.getMessage());
      throw new NotificationsUnavailableException(
          "notification-service not reachable", unreachable);
    }
  }

  private void pause() {
    pausedUntil.set(clock.instant().plus(properties.pauseAfterFailure()));
  }
}
