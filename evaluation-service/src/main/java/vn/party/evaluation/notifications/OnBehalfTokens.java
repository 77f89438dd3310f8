package vn.party.evaluation.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes the short-lived token with which this service's pages call notification-service for the signed-in person:
 * {@code base64url("v1|userId|expiresEpochSecond") + "." + base64url(HMAC-SHA256(secret, first part))}.
 * notification-service checks the signature and the expiry (its {@code OnBehalfTokens}); the person's password is
 * never sent, and a token is worth one user for a minute.
 */
final class OnBehalfTokens {

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final byte[] secret;
  private final Duration lifetime;
  private final Clock clock;

  OnBehalfTokens(String secret, Duration lifetime, Clock clock) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException("evaluation.notifications.on-behalf-secret is not set");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.lifetime = lifetime;
    this.clock = clock;
  }

  String tokenFor(String userId) {
    if (userId.indexOf('|') >= 0) {
      throw new IllegalArgumentException("a user id with '|' cannot be carried in a token");
    }
    long expires = clock.instant().plus(lifetime).getEpochSecond();
    String payload =
        BASE64.encodeToString(("v1|" + userId + "|" + expires).getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      return payload
          + "."
          + BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
