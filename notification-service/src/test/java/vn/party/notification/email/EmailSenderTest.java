package vn.party.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import vn.party.notification.compose.EmailContent;
import vn.party.notification.compose.NotificationKind;
import vn.party.notification.config.NotificationProperties;
import vn.party.notification.inapp.Notification;
import vn.party.notification.inapp.NotificationRepository;
import vn.party.notification.support.IntegrationTest;
import vn.party.notification.support.Mails;
import vn.party.notification.support.TestInfrastructure;

/** The outbox against a real SMTP server that is up, down, or shared by several senders. */
class EmailSenderTest extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired NotificationRepository notifications;
  @Autowired EmailOutboxRepository outbox;
  @Autowired JavaMailSender mailSender;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired NotificationProperties properties;

  @Test
  void whileTheSmtpServerIsDownTheEmailWaitsAndIsSentWhenItIsBack() {
    TestInfrastructure.SMTP.stop();
    UUID id = enqueue("member1@thanhkhetay.example.vn", "Thư chờ");

    await().atMost(WAIT).until(() -> attempts(id) >= 1);
    Map<String, Object> waiting = row(id);
    assertThat(waiting.get("status")).isEqualTo("PENDING");
    assertThat((String) waiting.get("last_error")).isNotBlank();

    TestInfrastructure.SMTP.start();
    await().atMost(WAIT).until(() -> "SENT".equals(row(id).get("status")));
    assertThat(Mails.received()).extracting(Mails::subject).containsExactly("Thư chờ");
    assertThat(row(id).get("sent_at")).isNotNull();
  }

  @Test
  void anEmailThatFailsMaxAttemptsTimesIsMarkedFailed() {
    TestInfrastructure.SMTP.stop();
    UUID id = enqueue("member1@thanhkhetay.example.vn", "Thư không gửi được");

    await().atMost(WAIT).until(() -> "FAILED".equals(row(id).get("status")));
    assertThat(attempts(id)).isEqualTo(properties.mail().maxAttempts());
    assertThat((String) row(id).get("last_error")).isNotBlank();
  }

  @Test
  void aMalformedAddressFailsAtOnceWithoutRetrying() {
    UUID id = enqueue("not an address", "Địa chỉ sai");

    await().atMost(WAIT).until(() -> "FAILED".equals(row(id).get("status")));
    assertThat(attempts(id)).isEqualTo(1);
  }

  @Test
  void severalSendersAtOnceSendEveryEmailExactlyOnce() throws Exception {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add(enqueue("member" + i + "@thanhkhetay.example.vn", "Thư số " + i));
    }
    // Two more instances racing the service's own scheduled sender on the same outbox.
    List<EmailSender> senders = List.of(newSender(), newSender());
    ExecutorService pool = Executors.newFixedThreadPool(senders.size());
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (EmailSender sender : senders) {
        runs.add(
            pool.submit(
                () -> {
                  while (sender.sendDue() > 0) {
                    // keep taking until the outbox is empty
                  }
                }));
      }
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    awaitEverySent(ids.size(), Duration.ofMillis(500));
    assertThat(Mails.received()).extracting(Mails::subject).doesNotHaveDuplicates();
    assertThat(
            jdbc.sql("select max(attempts) from notification.email_outbox")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void oneBatchGoesOverOneSmtpConnectionAndKeepsEachMessageId() throws Exception {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(enqueue("batch" + i + "@thanhkhetay.example.vn", "Thư lô " + i));
    }
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    EmailSender sender =
        new EmailSender(outbox, mailSender, transactionManager, properties, meters);

    int taken = sender.sendDue();

    // The service's own scheduled sender may take a few rows first; whatever this batch took went
    // over one connection.
    assertThat(taken).isPositive();
    assertThat(meters.counter("notification.smtp.connections").count()).isEqualTo(1.0);
    awaitEverySent(ids.size(), Duration.ofMillis(300));
    List<String> messageIds = new ArrayList<>();
    for (jakarta.mail.internet.MimeMessage message : Mails.received()) {
      messageIds.add(message.getMessageID());
    }
    assertThat(messageIds)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            ids.stream().map(id -> "<" + id + "@" + senderDomain() + ">").toList());
  }

  /**
   * Taking the next e-mail reads the first due row of the index and stops; with a second sort key PostgreSQL sorted
   * every pending row for each e-mail (1.5 ms per e-mail with the lifecycle's backlog in the bench).
   */
  @Test
  void takingTheNextEmailSortsNothing() {
    for (int i = 0; i < 50; i++) {
      enqueue("later" + i + "@thanhkhetay.example.vn", "Thư sau " + i);
    }
    jdbc.sql("analyze notification.email_outbox").update();
    String plan =
        String.join(
            "\n",
            jdbc.sql("explain " + EmailOutboxRepository.LOCK_NEXT_DUE).query(String.class).list());
    assertThat(plan).contains("email_outbox_due_idx").doesNotContain("Sort");
  }

  /**
   * Jakarta Mail asks for its stream provider about ten times per e-mail (each part, encoded word and write); without
   * the provider named, each ask searched every jar of the service for {@code META-INF/services} entries — a third of
   * the sender's CPU in the bench's profile of the lifecycle.
   */
  @Test
  void writingAnEmailDoesNotSearchTheClassPathForTheMailStreamProvider() throws Exception {
    System.clearProperty(MailStreams.PROPERTY);
    newSender();
    CountingLoader loader = new CountingLoader(Thread.currentThread().getContextClassLoader());
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(loader);
    try {
      for (int i = 0; i < 3; i++) {
        jakarta.mail.internet.MimeMessage message = mailSender.createMimeMessage();
        org.springframework.mail.javamail.MimeMessageHelper helper =
            new org.springframework.mail.javamail.MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("no-reply@dang.example.vn");
        helper.setTo("member1@thanhkhetay.example.vn");
        helper.setSubject("[Đánh giá, xếp loại 2026] Việc mới: Tự kiểm điểm – Nguyễn Văn A");
        helper.setText("Kính gửi đồng chí", "<p>Kính gửi đồng chí</p>");
        message.saveChanges();
        message.writeTo(new java.io.ByteArrayOutputStream());
        assertThat(message.getSubject()).startsWith("[Đánh giá");
      }
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
    assertThat(loader.serviceLookups).isZero();
  }

  /** Counts the ServiceLoader searches for a Jakarta Mail service through this loader. */
  private static final class CountingLoader extends ClassLoader {
    int serviceLookups;

    CountingLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    public java.util.Enumeration<java.net.URL> getResources(String name)
        throws java.io.IOException {
      if (name.startsWith("META-INF/services/jakarta.mail")) {
        serviceLookups++;
      }
      return super.getResources(name);
    }
  }

  @Test
  void backoffDoublesUpToTheMaximum() {
    EmailSender sender = newSender();
    Duration base = properties.mail().retryBackoff();
    assertThat(sender.backoff(1)).isEqualTo(base);
    assertThat(sender.backoff(2)).isEqualTo(base.multipliedBy(2));
    assertThat(sender.backoff(3)).isEqualTo(base.multipliedBy(4));
    assertThat(sender.backoff(60)).isEqualTo(properties.mail().maxBackoff());
  }

  private String senderDomain() {
    String from = properties.mail().from();
    String address =
        from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from;
    return address.substring(address.indexOf('@') + 1);
  }

  private EmailSender newSender() {
    return new EmailSender(
        outbox, mailSender, transactionManager, properties, new SimpleMeterRegistry());
  }

  private UUID enqueue(String to, String subject) {
    UUID notificationId = UUID.randomUUID();
    notifications.insert(
        new Notification(
            notificationId,
            "member1",
            NotificationKind.TASK_ASSIGNED,
            subject,
            "Nội dung",
            null,
            Map.of(),
            "/test",
            UUID.randomUUID().toString(),
            null,
            null));
    return outbox.enqueue(
        notificationId, to, new EmailContent(subject, "Nội dung thư", "<p>Nội dung thư</p>"));
  }

  private Map<String, Object> row(UUID id) {
    return jdbc.sql("select * from notification.email_outbox where id = :id")
        .param("id", id)
        .query()
        .singleRow();
  }

  private int attempts(UUID id) {
    return ((Number) row(id).get("attempts")).intValue();
  }

  /** Waits until the outbox has sent that many and the server has received as many, and no more for {@code quiet}. */
  private void awaitEverySent(int count, Duration quiet) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.sql("select count(*) from notification.email_outbox where status = 'SENT'")
                        .query(Long.class)
                        .single()
                    == count);
    await().during(quiet).atMost(WAIT).until(() -> Mails.received().size() == count);
  }
}
