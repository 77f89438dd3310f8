package vn.party.evaluation.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.account.SignInThrottle.HeldBack;
import vn.party.evaluation.account.SignInThrottle.Kind;

/** A sign-in held back is told as the wait of whoever waits: the account, the network address, or both. */
class HeldBackTest {

  @Test
  void theRefusalNamesWhoseWaitItIs() {
    Duration second = Duration.ofSeconds(1);
    assertThat(new HeldBack(second, Set.of(Kind.ACCOUNT)).messageKey())
        .isEqualTo("error.sign-in-throttled");
    assertThat(new HeldBack(second, Set.of(Kind.ADDRESS)).messageKey())
        .isEqualTo("error.sign-in-throttled.address");
    assertThat(new HeldBack(second, Set.of(Kind.ACCOUNT, Kind.ADDRESS)).messageKey())
        .isEqualTo("error.sign-in-throttled.both");
  }
}
