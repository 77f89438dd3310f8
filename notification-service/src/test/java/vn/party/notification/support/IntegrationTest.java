package vn.party.notification.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole service against the real servers of
 * {@link TestInfrastructure}. All subclasses share one Spring context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "notification.mail.poll-interval=100ms",
      "notification.mail.retry-backoff=300ms",
      "notification.mail.max-attempts=3",
      "notification.kafka.retry-initial-interval=100ms",
      "notification.kafka.retry-max-attempts=2",
      "notification.identity-timeout=3s",
      "logging.level.vn.party.notification=DEBUG",
      // no default in application.yml (issue 12); here in the properties, which exist before the
      // start-up check
      "notification.on-behalf.secret=" + IntegrationTest.ON_BEHALF_SECRET
    })
public abstract class IntegrationTest {

  /** This test run's on-behalf secret (a test value; the services have no default). */
  public static final String ON_BEHALF_SECRET = "test-only-on-behalf-secret-0123456789abcdef";

  @Autowired protected JdbcClient jdbc;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestInfrastructure::jdbcUrl);
    registry.add("spring.datasource.username", () -> TestInfrastructure.DB_USER);
    registry.add("spring.datasource.password", () -> TestInfrastructure.DB_PASSWORD);
    registry.add("spring.kafka.bootstrap-servers", TestInfrastructure.KAFKA::getBrokersAsString);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> TestInfrastructure.SMTP_PORT);
    registry.add("notification.identity-url", TestInfrastructure.IDENTITY::url);
  }

  @BeforeEach
  void startFromEmptyState() throws Exception {
    TestInfrastructure.ensureSmtpRunning();
    jdbc.sql(
            "truncate notification.email_outbox, notification.notification, notification.processed_event,"
                + " notification.preference")
        .update();
    TestInfrastructure.SMTP.purgeEmailFromAllMailboxes();
  }
}
