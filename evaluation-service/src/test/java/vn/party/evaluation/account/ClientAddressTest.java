package vn.party.evaluation.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Issue 12: which address the sign-in throttle counts. Only a configured trusted proxy may name another client in
 * {@code X-Forwarded-For}, the header read from the right, so a client's own entries at its left are never believed.
 */
class ClientAddressTest {

  private static String of(String socket, String forwarded, String trusted) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr(socket);
    if (forwarded != null) {
      request.addHeader("X-Forwarded-For", forwarded);
    }
    return ClientAddress.of(request, ClientAddress.TrustedProxies.parse(trusted));
  }

  @Test
  void byDefaultNobodyIsTrustedAndTheSocketAddressCounts() {
    assertThat(ClientAddress.TrustedProxies.parse("").isEmpty()).isTrue();
    assertThat(of("198.51.100.20", "10.9.8.7", "")).isEqualTo("198.51.100.20");
    assertThat(of("127.0.0.1", "10.9.8.7", "")).as("not even loopback").isEqualTo("127.0.0.1");
  }

  @Test
  void anUntrustedClientCannotNameAnotherAddress() {
    assertThat(of("198.51.100.20", "10.0.0.5", "10.0.0.0/8")).isEqualTo("198.51.100.20");
  }

  @Test
  void aTrustedProxyNamesTheClientReadFromTheRight() {
    // the client forged "1.2.3.4"; the proxy appended the address it saw
    assertThat(of("10.0.0.5", "1.2.3.4, 198.51.100.20", "10.0.0.5")).isEqualTo("198.51.100.20");
    // two proxies, both trusted (a range and an address)
    assertThat(of("10.0.0.5", "1.2.3.4, 198.51.100.20, 10.1.2.3", "10.0.0.5, 10.1.0.0/16"))
        .isEqualTo("198.51.100.20");
    // an unreadable hop: the last trusted address is the best known
    assertThat(of("10.0.0.5", "evil.example, 10.1.2.3", "10.0.0.0/8")).isEqualTo("10.1.2.3");
    // IPv6
    assertThat(of("fd00::1", "2001:db8::7", "fd00::/8")).isEqualTo("2001:db8::7");
    assertThat(of("10.0.0.5", null, "10.0.0.5")).isEqualTo("10.0.0.5");
  }

  @Test
  void aSettingThatIsNotAnAddressFailsTheStart() {
    assertThatThrownBy(() -> ClientAddress.TrustedProxies.parse("proxy.example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proxy.example");
    assertThatThrownBy(() -> ClientAddress.TrustedProxies.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
