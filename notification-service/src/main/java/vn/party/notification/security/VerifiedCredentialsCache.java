package vn.party.notification.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers credentials evaluation-service accepted, for a short time, so that every API call
 * does not cost a call to it. Entries are keyed by an HMAC-SHA-256 of user name and password with
 * a key made at start-up: the password itself is never kept, and the keys are useless outside this
 * process. Only successes are cached, so a wrong password is always checked.
 */
class VerifiedCredentialsCache {

  private final Duration ttl;
  private final int maxEntries;
  private final Clock clock;
  private final SecretKeySpec secret;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  VerifiedCredentialsCache(Duration ttl, int maxEntries, Clock clock) {
    this.ttl = ttl;
    this.maxEntries = maxEntries;
    this.clock = clock;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.secret = new SecretKeySpec(key, "HmacSHA256");
  }

  SignedInUser get(String username, String password) {
    if (ttl.isZero() || ttl.isNegative()) {
      return null;
    }
    String key = key(username, password);
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (!entry.expiresAt().isAfter(clock.instant())) {
      entries.remove(key, entry);
      return null;
    }
    return entry.user();
  }

  void put(String username, String password, SignedInUser user) {
    if (ttl.isZero() || ttl.isNegative()) {
      return;
    }
    Instant now = clock.instant();
    if (entries.size() >= maxEntries) {
      entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
      if (entries.size() >= maxEntries) {
        // Still full of live entries: start afresh rather than grow without bound.
        entries.clear();
      }
    }
    entries.put(key(username, password), new Entry(user, now.plus(ttl)));
  }

  private String key(String username, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      mac.update(username.getBytes(StandardCharsets.UTF_8));
      // A separator that cannot occur in a Basic user name keeps "ab"+"c" apart from "a"+"bc".
      mac.update((byte) ':');
      return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private record Entry(SignedInUser user, Instant expiresAt) {}
}
