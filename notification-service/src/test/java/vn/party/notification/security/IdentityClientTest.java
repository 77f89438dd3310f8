package vn.party.notification.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.client.RestClient;
import vn.party.notification.config.NotificationProperties;
import vn.party.notification.support.TestIdentityProvider;
import vn.party.notification.support.TestInfrastructure;

/** The client against the in-test identity endpoint, and against a port where nothing listens. */
class IdentityClientTest {

  @Test
  void groupsGivenAsIdsOrAsObjectsBecomeGroupIds() {
    SignedInUser user =
        client(URI.create(TestInfrastructure.IDENTITY.url()))
            .verify("secretary1", TestIdentityProvider.PASSWORD);

    assertThat(user.userId()).isEqualTo("secretary1");
    assertThat(user.displayName()).isEqualTo("Lê Văn Cường");
    assertThat(user.groups()).containsExactly("branch-committee-thanh-khe-tay-cb1", "members");
  }

  @Test
  void aRefusedPasswordIsBadCredentials() {
    assertThatThrownBy(
            () -> client(URI.create(TestInfrastructure.IDENTITY.url())).verify("member1", "wrong"))
        .isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void aHeldBackSignInKeepsTheIdentityServicesWaitNotAWrongPassword() {
    assertThatThrownBy(
            () -> client(URI.create(TestInfrastructure.IDENTITY.url())).verify("heldback", "any"))
        .isInstanceOfSatisfying(
            SignInHeldBackException.class,
            heldBack -> assertThat(heldBack.retryAfterSeconds()).isEqualTo(120));
  }

  @Test
  void aRetryAfterThatIsNoNumberOfSecondsBecomesAMinute() {
    assertThat(IdentityClient.retryAfterSeconds("30")).isEqualTo(30);
    assertThat(IdentityClient.retryAfterSeconds("Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(60);
    assertThat(IdentityClient.retryAfterSeconds(null)).isEqualTo(60);
    assertThat(IdentityClient.retryAfterSeconds("0")).isEqualTo(60);
  }

  @Test
  void anUnreachableIdentityServiceIsAServiceProblemNotBadCredentials() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    assertThatThrownBy(
            () -> client(URI.create("http://127.0.0.1:" + closedPort)).verify("member1", "demo"))
        .isInstanceOf(AuthenticationServiceException.class);
  }

  private static IdentityClient client(URI identityUrl) {
    NotificationProperties properties =
        new NotificationProperties(
            identityUrl,
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            100,
            URI.create("http://localhost:8081"),
            URI.create("http://localhost:8080"),
            Locale.forLanguageTag("vi"),
            ZoneId.of("Asia/Ho_Chi_Minh"),
            null,
            null,
            null);
    return new IdentityClient(RestClient.builder(), properties, new IdentityMapperImpl());
  }
}
