package vn.party.notification.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the short-lived tokens with which evaluation-service's pages call this service on behalf of the person
 * signed in there: {@code base64url("v1|userId|expiresEpochSecond") + "." + base64url(HMAC-SHA256)}, keyed with the
 * secret both services are configured with. The user's password never travels; a token is worth one user for at most
 * {@code maxLifetime}, so a leaked one soon expires.
 */
public final class OnBehalfTokens {

  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] secret;
  private final Duration maxLifetime;
  private final Clock clock;

  public OnBehalfTokens(String secret, Duration maxLifetime, Clock clock) {
    this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    this.maxLifetime = maxLifetime;
    this.clock = clock;
  }

  /** Whether a secret is configured at all; without one no token is accepted. */
  public boolean enabled() {
    return secret.length > 0;
  }

  /** The user the token vouches for; empty if it is malformed, forged, expired or too long-lived. */
  public Optional<String> verify(String token) {
    if (!enabled() || token == null) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return Optional.empty();
    }
    String payload = token.substring(0, dot);
    byte[] signature;
    String[] parts;
    try {
      signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      parts =
          new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
              .split("\\|", -1);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(sign(payload), signature)
        || parts.length != 3
        || !"v1".equals(parts[0])
        || parts[1].isBlank()
        || !parts[2].matches("[0-9]{1,12}")) {
      return Optional.empty();
    }
    long expires = Long.parseLong(parts[2]);
    long now = clock.instant().getEpochSecond();
    // a token that claims to live longer than allowed was not made by a well-behaved signer
    if (expires < now || expires > now + maxLifetime.toSeconds()) {
      return Optional.empty();
    }
    return Optional.of(parts[1]);
  }

  private byte[] sign(String payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
