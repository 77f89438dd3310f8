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

  /** The sign-in page's address carries whose wait it is; an unknown name is told as the account's own. */
  @Test
  void theSignInPageReadsWhoseWaitBack() {
    HeldBack address = new HeldBack(Duration.ofSeconds(3), Set.of(Kind.ADDRESS));
    assertThat(HeldBack.messageKey(address.whoseName())).isEqualTo(address.messageKey());
    assertThat(SignInWaitNotice.of("3", "address", 900))
        .contains(new SignInWaitNotice("error.sign-in-throttled.address", 3));
    assertThat(SignInWaitNotice.of("3", "<b>", 900))
        .contains(new SignInWaitNotice("error.sign-in-throttled", 3));
    assertThat(SignInWaitNotice.of("901", "account", 900)).isEmpty();
    assertThat(SignInWaitNotice.of("-5", "account", 900)).isEmpty();
    assertThat(SignInWaitNotice.of(null, null, 900)).isEmpty();
  }
}
