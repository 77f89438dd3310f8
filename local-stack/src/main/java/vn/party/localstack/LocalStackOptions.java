package vn.party.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The launcher's command-line options; {@code --help} prints {@link #USAGE}. */
final class LocalStackOptions {

  static final String USAGE =
      """
            Chạy toàn bộ hệ thống trên máy cục bộ / Runs the whole system locally:
              embedded PostgreSQL, Kafka (KRaft), SMTP + evaluation-service + notification-service.

            Options:
              --db-port N            PostgreSQL port            (default 15432)
              --kafka-port N         Kafka bootstrap port       (default 9092)
              --smtp-port N          SMTP port                  (default 1025)
              --imap-port N          IMAP port                  (default 1143)
              --mailbox-port N       mailbox web page port      (default 8025)
              --evaluation-port N    evaluation-service port    (default 8080)
              --notification-port N  notification-service port  (default 8081)
              --no-demo              do not seed the demo data (no Spring profile 'demo')
              --fresh                delete the PostgreSQL data directory first (start from an empty database)
              --data-dir DIR         PostgreSQL data directory  (default local-stack/data/postgres)
              --log-dir DIR          service logs               (default local-stack/target/logs)
              --help                 this text
            """;

  int dbPort = LocalInfrastructure.DEFAULT_DB_PORT;
  int kafkaPort = LocalInfrastructure.DEFAULT_KAFKA_PORT;
  int smtpPort = LocalInfrastructure.DEFAULT_SMTP_PORT;
  int imapPort = LocalInfrastructure.DEFAULT_IMAP_PORT;
  int mailboxPort = MailboxWebServer.DEFAULT_PORT;
  int evaluationPort = LocalStack.DEFAULT_EVALUATION_PORT;
  int notificationPort = LocalStack.DEFAULT_NOTIFICATION_PORT;
  boolean demo = true;
  boolean fresh;
  boolean help;
  Path dataDir;
  Path logDir;

  static LocalStackOptions parse(String... args) {
    LocalStackOptions o = new LocalStackOptions();
    new OptionParser()
        .flag("--help", () -> o.help = true)
        .flag("-h", () -> o.help = true)
        .flag("--no-demo", () -> o.demo = false)
        .flag("--fresh", () -> o.fresh = true)
        .port("--db-port", p -> o.dbPort = p)
        .port("--kafka-port", p -> o.kafkaPort = p)
        .port("--smtp-port", p -> o.smtpPort = p)
        .port("--imap-port", p -> o.imapPort = p)
        .port("--mailbox-port", p -> o.mailboxPort = p)
        .port("--evaluation-port", p -> o.evaluationPort = p)
        .port("--notification-port", p -> o.notificationPort = p)
        .path("--data-dir", dir -> o.dataDir = dir)
        .path("--log-dir", dir -> o.logDir = dir)
        .parse(args);
    return o;
  }

  /** Each port with the option that moves it, for the "ports in use" message. */
  Map<String, Integer> ports() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("--db-port (PostgreSQL)", dbPort);
    ports.put("--kafka-port (Kafka)", kafkaPort);
    ports.put("--smtp-port (SMTP)", smtpPort);
    ports.put("--imap-port (IMAP)", imapPort);
    ports.put("--mailbox-port (mailbox page)", mailboxPort);
    ports.put("--evaluation-port (evaluation-service)", evaluationPort);
    ports.put("--notification-port (notification-service)", notificationPort);
    return ports;
  }
}
