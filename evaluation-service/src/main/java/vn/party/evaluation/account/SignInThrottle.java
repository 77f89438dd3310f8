package vn.party.evaluation.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down without ever locking an account for good (the engine's own lock did: ten wrong
 * passwords, and {@code admin} had nobody left to unlock it). Failures are counted per account and per client
 * address; past a number of free failures each further one makes that key wait, doubling from {@code base-delay}
 * up to {@code max-delay}; while a key waits, sign-ins with it are refused without looking at the password (429,
 * Retry-After), so a guess costs the guesser time, not the account its owner. A success clears the account's count;
 * counts are forgotten after {@code forget-after} without a failure.
 *
 * <p>The state lives in this node's memory: with several nodes a guesser gets each node's allowance (documented;
 * the delays still grow on every node). Crossing into a wait is recorded for administrators
 * ({@link SignInThrottleNotices}).
 */
@Component
public class SignInThrottle {

  /** The key kinds: an account (user id, lower-cased) or a client address. */
  public enum Kind {
    ACCOUNT,
    ADDRESS
  }

  private static final int MAX_KEYS = 100_000;

  private volatile int accountFreeFailures;
  private volatile int addressFreeFailures;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration forgetAfter;
  private volatile Clock clock;
  private final SignInThrottleNotices notices;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public SignInThrottle(
      @Value("${evaluation.sign-in-throttle.account-free-failures:5}") int accountFreeFailures,
      @Value("${evaluation.sign-in-throttle.address-free-failures:20}") int addressFreeFailures,
      @Value("${evaluation.sign-in-throttle.base-delay:1s}") Duration baseDelay,
      @Value("${evaluation.sign-in-throttle.max-delay:15m}") Duration maxDelay,
      @Value("${evaluation.sign-in-throttle.forget-after:1h}") Duration forgetAfter,
      SignInThrottleNotices notices) {
    this.accountFreeFailures = accountFreeFailures;
    this.addressFreeFailures = addressFreeFailures;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.forgetAfter = forgetAfter;
    this.notices = notices;
    this.clock = Clock.systemUTC();
  }

  /** Time under a test's control (the waits are seconds to minutes; a loaded test machine is slower than that). */
  void clock(Clock clock) {
    this.clock = clock;
  }

  /** Free failures under a test's control (the other tests send wrong credentials on purpose, by the thousand). */
  void freeFailures(int account, int address) {
    this.accountFreeFailures = account;
    this.addressFreeFailures = address;
  }

  /** How long a sign-in as this user from this address must still wait; empty when it may be tried now. */
  public Optional<Duration> waitFor(String userId, String address) {
    return holdBack(userId, address).map(HeldBack::duration);
  }

  /**
   * Whose wait holds a sign-in back and for how long: the account's own failures, the address's (others' failures
   * from the same network address: the person is told it is not their account's, eleventh session's outsider, LOW
   * 12), or both; the longest wait. Empty when it may be tried now.
   */
  public Optional<HeldBack> holdBack(String userId, String address) {
    Instant now = clock.instant();
    Duration account = left(userId == null ? null : key(Kind.ACCOUNT, normalized(userId)), now);
    Duration byAddress = left(address == null ? null : key(Kind.ADDRESS, address), now);
    if (account.isZero() && byAddress.isZero()) {
      return Optional.empty();
    }
    Set<Kind> whose = EnumSet.noneOf(Kind.class);
    if (!account.isZero()) {
      whose.add(Kind.ACCOUNT);
    }
    if (!byAddress.isZero()) {
      whose.add(Kind.ADDRESS);
    }
    return Optional.of(
        new HeldBack(account.compareTo(byAddress) > 0 ? account : byAddress, Set.copyOf(whose)));
  }

  /** A sign-in held back: for how long, and whose wait it is (the account's, the address's or both). */
  public record HeldBack(Duration duration, Set<Kind> whose) {

    /** The message key of the refusal: the address's wait is told as the address's, not the account's. */
    public String messageKey() {
      return messageKey(whoseName());
    }

    /** Whose wait, as the sign-in page's address carries it ({@code /login?throttled=3&whose=account}). */
    public String whoseName() {
      return whose.contains(Kind.ACCOUNT)
          ? whose.contains(Kind.ADDRESS) ? "both" : "account"
          : "address";
    }

    /** The message key for a {@link #whoseName()}; anything else is told as the account's own wait. */
    public static String messageKey(String whoseName) {
      return switch (whoseName == null ? "" : whoseName) {
        case "both" -> "error.sign-in-throttled.both";
        case "address" -> "error.sign-in-throttled.address";
        default -> "error.sign-in-throttled";
      };
    }
  }

  /** The longest any sign-in is held back, in whole seconds, as the doors tell it (at least one). */
  public long longestWaitSeconds() {
    return SignInThrottleFilter.seconds(maxDelay);
  }

  /** The time the throttle goes by (the administrators' list tells it, to read the waits against). */
  public Instant now() {
    return clock.instant();
  }

  private Duration left(String key, Instant now) {
    Counter counter = key == null ? null : counters.get(key);
    return counter != null && counter.blockedUntil.isAfter(now)
        ? Duration.between(now, counter.blockedUntil)
        : Duration.ZERO;
  }

  /** A wait in force now: the key's failures so far and when its wait ends. */
  @Schema(name = "SignInWaitInForce")
  public record Wait(int failures, Instant until) {}

  /**
   * The wait in force now for an account (its id, without regard to case) or an address, as a notice names it; empty
   * when it may be tried now. A notice tells when a key started to wait; this tells what holds now (the wait doubles
   * with each failure after, ends by itself, or was lifted).
   */
  public Optional<Wait> inForce(Kind kind, String value) {
    if (value == null) {
      return Optional.empty();
    }
    Counter counter = counters.get(key(kind, kind == Kind.ACCOUNT ? normalized(value) : value));
    Instant now = clock.instant();
    return counter != null && counter.blockedUntil.isAfter(now)
        ? Optional.of(new Wait(counter.failures, counter.blockedUntil))
        : Optional.empty();
  }

  /** A wrong password (or an unknown user): both keys count it; crossing into a wait is recorded once. */
  public void failed(String userId, String address) {
    Instant now = clock.instant();
    if (counters.size() > MAX_KEYS) {
      counters.values().removeIf(c -> c.lastFailure.plus(forgetAfter).isBefore(now));
    }
    if (userId != null) {
      count(Kind.ACCOUNT, normalized(userId), accountFreeFailures, now);
    }
    if (address != null) {
      count(Kind.ADDRESS, address, addressFreeFailures, now);
    }
  }

  /** The right password: the account's count starts again (the address keeps its count of others' failures). */
  public void succeeded(String userId) {
    if (userId != null) {
      counters.remove(key(Kind.ACCOUNT, normalized(userId)));
    }
  }

  /** An administrator lifts an account's wait at once (the wait would end by itself anyway). */
  public boolean release(Kind kind, String value) {
    return counters.remove(key(kind, kind == Kind.ACCOUNT ? normalized(value) : value)) != null;
  }

  private void count(Kind kind, String value, int free, Instant now) {
    Counter counter =
        counters.compute(
            key(kind, value),
            (key, old) -> {
              Counter c =
                  old == null || old.lastFailure.plus(forgetAfter).isBefore(now)
                      ? new Counter()
                      : old;
              c.failures++;
              c.lastFailure = now;
              if (c.failures > free) {
                int doublings = Math.min(c.failures - free - 1, 30);
                Duration delay = baseDelay.multipliedBy(1L << doublings);
                c.blockedUntil = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
              }
              return c;
            });
    if (counter.failures == free + 1) {
      notices.throttled(kind, value, counter.failures, counter.blockedUntil);
    }
  }

  private static String key(Kind kind, String value) {
    return kind + ":" + value;
  }

  /** Counted without regard to case, so that a guesser cannot start a fresh count by changing the case. */
  private static String normalized(String userId) {
    return userId.trim().toLowerCase(Locale.ROOT);
  }

  private static final class Counter {
    int failures;
    Instant lastFailure = Instant.EPOCH;
    Instant blockedUntil = Instant.EPOCH;
  }
}
