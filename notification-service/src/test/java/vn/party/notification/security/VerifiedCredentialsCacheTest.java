package vn.party.notification.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsCacheTest {

  private final MovableClock clock = new MovableClock();
  private final VerifiedCredentialsCache cache =
      new VerifiedCredentialsCache(Duration.ofSeconds(60), 2, clock);
  private final SignedInUser member1 =
      new SignedInUser("member1", "Nguyễn Văn An", null, Set.of("members"));

  @Test
  void anAcceptedPasswordIsRememberedUntilTheTtlEnds() {
    cache.put("member1", "demo", member1);

    assertThat(cache.get("member1", "demo")).isEqualTo(member1);
    clock.advance(Duration.ofSeconds(59));
    assertThat(cache.get("member1", "demo")).isEqualTo(member1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.get("member1", "demo")).isNull();
  }

  @Test
  void anotherPasswordOrASplitOfTheSameCharactersIsNotAHit() {
    cache.put("member1", "demo", member1);

    assertThat(cache.get("member1", "demo2")).isNull();
    assertThat(cache.get("member1d", "emo")).isNull();
  }

  @Test
  void itDoesNotGrowBeyondItsLimit() {
    cache.put("a", "1", member1);
    cache.put("b", "2", member1);
    cache.put("c", "3", member1);

    assertThat(cache.get("c", "3")).isEqualTo(member1);
    assertThat(cache.get("a", "1")).isNull();
  }

  @Test
  void aZeroTtlTurnsCachingOff() {
    VerifiedCredentialsCache off = new VerifiedCredentialsCache(Duration.ZERO, 10, clock);
    off.put("member1", "demo", member1);
    assertThat(off.get("member1", "demo")).isNull();
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2025-12-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
