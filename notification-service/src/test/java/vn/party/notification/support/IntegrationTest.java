package vn.party.notification.support;

import io.cloudevents.CloudEvent;
import java.util.Map;
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

  /** How many notifications the event left (one a recipient). */
  protected long countNotifications(CloudEvent event) {
    return jdbc.sql("select count(*) from notification.notification where event_id = :id")
        .param("id", event.getId())
        .query(Long.class)
        .single();
  }

  /** The notification the event left for the user. */
  protected Map<String, Object> notificationOf(CloudEvent event, String userId) {
    return jdbc.sql(
            "select * from notification.notification where event_id = :id and user_id = :userId")
        .param("id", event.getId())
        .param("userId", userId)
        .query()
        .singleRow();
  }

  /** Whether the event was processed (0 or 1: once only). */
  protected long countProcessed(CloudEvent event) {
    return jdbc.sql("select count(*) from notification.processed_event where event_id = :id")
        .param("id", event.getId())
        .query(Long.class)
        .single();
  }

  /** The type the event was processed as (it must have been). */
  protected String processedType(CloudEvent event) {
    return jdbc.sql("select type from notification.processed_event where event_id = :id")
        .param("id", event.getId())
        .query(String.class)
        .single();
  }

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
