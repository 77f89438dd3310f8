package vn.party.notification.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import vn.party.notification.NotificationServiceApplication;

/**
 * Issue 12: the on-behalf secret has no default. The real application, started without it (or with the value the
 * repository once held, or a short one), stops before any bean with a message naming the property. No database or
 * broker is needed: the check runs before them.
 */
class OnBehalfSecretRequiredTest {

  @Test
  void theServiceRefusesToStartWithoutTheSecret() {
    assertThatThrownBy(() -> start())
        .hasMessageContaining("notification.on-behalf.secret")
        .hasMessageContaining("NOTIFICATION_ON_BEHALF_SECRET")
        .hasMessageContaining("is not set");
    assertThatThrownBy(() -> start("--notification.on-behalf.secret=   "))
        .hasMessageContaining("is not set");
  }

  @Test
  void theServiceRefusesTheFormerRepositoryDefaultAndShortSecrets() {
    assertThatThrownBy(
            () -> start("--notification.on-behalf.secret=local-default-on-behalf-secret"))
        .hasMessageContaining("notification.on-behalf.secret")
        .hasMessageContaining("published");
    assertThatThrownBy(() -> start("--notification.on-behalf.secret=" + "x".repeat(31)))
        .hasMessageContaining("notification.on-behalf.secret")
        .hasMessageContaining("too short");
  }

  @Test
  void aLongEnoughSecretPassesTheCheck() {
    // the check passes; the start then fails later for want of a database — anything but the secret
    assertThatThrownBy(
            () ->
                start(
                    "--notification.on-behalf.secret=" + "x".repeat(32),
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
                    "--spring.datasource.hikari.connection-timeout=250",
                    "--spring.flyway.connect-retries=0"))
        .satisfies(
            e -> assertThat(String.valueOf(e.getMessage())).doesNotContain("on-behalf.secret"));
  }

  private static void start(String... args) {
    SpringApplication application = new SpringApplication(NotificationServiceApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.run(args).close();
  }
}
