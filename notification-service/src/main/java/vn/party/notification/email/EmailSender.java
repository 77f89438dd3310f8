package vn.party.notification.email;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.party.notification.config.NotificationProperties;

/**
 * Sends the e-mails of the outbox. Each e-mail is sent inside its own transaction that holds the
 * row lock, so a crash can repeat at most the one e-mail being sent, and two instances never
 * send the same row. The e-mails of one batch share one SMTP connection ({@link SmtpConnection}).
 */
@Component
public class EmailSender {

  private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

  private final EmailOutboxRepository outbox;
  private final JavaMailSender mailSender;
  private final TransactionTemplate transaction;
  private final NotificationProperties.Mail settings;
  private final InternetAddress from;
  private final Counter sent;
  private final Counter retried;
  private final Counter failed;
  private final Counter connections;

  public EmailSender(
      EmailOutboxRepository outbox,
      JavaMailSender mailSender,
      PlatformTransactionManager transactionManager,
      NotificationProperties properties,
      MeterRegistry meterRegistry) {
    MailStreams.nameTheProvider();
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.transaction = new TransactionTemplate(transactionManager);
    this.settings = properties.mail();
    this.from = SenderAddress.parse(settings.from());
    this.sent =
        Counter.builder("notification.emails").tag("outcome", "sent").register(meterRegistry);
    this.retried =
        Counter.builder("notification.emails").tag("outcome", "retried").register(meterRegistry);
    this.failed =
        Counter.builder("notification.emails").tag("outcome", "failed").register(meterRegistry);
    this.connections =
        Counter.builder("notification.smtp.connections")
            .description("SMTP connections opened by the e-mail outbox")
            .register(meterRegistry);
  }

  /** Sends up to {@code notification.mail.batch-size} due e-mails; returns how many were taken. */
  public int sendDue() {
    int taken = 0;
    try (SmtpConnection smtp = new SmtpConnection(mailSender, connections::increment)) {
      while (taken < settings.batchSize()
          && Boolean.TRUE.equals(transaction.execute(status -> sendNext(smtp)))) {
        taken++;
      }
    } catch (DataAccessException | TransactionException e) {
      // The database is shared and may be briefly away; the next run tries again.
      // (TransactionException too: with
      // PostgreSQL stopped the transaction cannot begin or roll back, which logged an ERROR with a
      // stack trace on
      // every run before the resilience test DatabaseOutageTest showed it.)
      log.warn("E-mail outbox not reachable: {}", e.getMostSpecificCause().getMessage());
    }
    return taken;
  }

  private boolean sendNext(SmtpConnection smtp) {
    Optional<OutboxEmail> next = outbox.lockNextDue();
    if (next.isEmpty()) {
      return false;
    }
    OutboxEmail email = next.get();
    try {
      smtp.send(message(email));
    } catch (MailParseException | MailPreparationException e) {
      // The message itself is wrong (e.g. a malformed address): sending again cannot help.
      outbox.markFailed(email.id(), describe(e));
      failed.increment();
      log.warn("E-mail {} cannot be sent and is given up: {}", email.id(), describe(e));
      return true;
    } catch (RuntimeException e) {
      int attempts = email.attempts() + 1;
      if (attempts >= settings.maxAttempts()) {
        outbox.markFailed(email.id(), describe(e));
        failed.increment();
        log.warn(
            "E-mail {} failed {} times and is given up: {}", email.id(), attempts, describe(e));
      } else {
        Duration delay = backoff(attempts);
        outbox.markRetry(email.id(), describe(e), delay);
        retried.increment();
        log.info(
            "E-mail {} not sent (attempt {}), next try in {}: {}",
            email.id(),
            attempts,
            delay,
            describe(e));
      }
      return true;
    }
    outbox.markSent(email.id());
    sent.increment();
    log.debug("E-mail {} sent", email.id());
    return true;
  }

  /** Exponential: retry-backoff, then twice that, … capped at max-backoff. */
  Duration backoff(int attempts) {
    Duration delay = settings.retryBackoff();
    for (int i = 1; i < attempts && delay.compareTo(settings.maxBackoff()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
  }

  private MimeMessage message(OutboxEmail email) {
    MimeMessage message = mailSender.createMimeMessage();
    try {
      boolean hasHtml = email.htmlBody() != null;
      MimeMessageHelper helper = new MimeMessageHelper(message, hasHtml, "UTF-8");
      helper.setFrom(from);
      helper.setTo(new InternetAddress(email.toAddress(), true));
      helper.setSubject(email.subject());
      if (hasHtml) {
        helper.setText(email.body(), email.htmlBody());
      } else {
        helper.setText(email.body(), false);
      }
      // One Message-ID per outbox row, kept on every attempt. A crash between the SMTP server's
      // acceptance and the
      // commit of "SENT" makes the next run send the row again (SMTP has no idempotent submission);
      // with the same
      // Message-ID that copy is the same message to the recipient's mail store, not a second
      // notice. (Found by the
      // resilience test NotificationServiceCrashTest: each send used to get a fresh Message-ID.)
      message.setHeader("Message-ID", messageId(email));
    } catch (MessagingException e) {
      throw new MailParseException(e);
    }
    return message;
  }

  private String messageId(OutboxEmail email) {
    String address = from.getAddress();
    String domain =
        address == null || address.indexOf('@') < 0
            ? "notification-service"
            : address.substring(address.indexOf('@') + 1);
    return "<" + email.id() + "@" + domain + ">";
  }

  private static String describe(Exception e) {
    Throwable cause = e;
    StringBuilder text =
        new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
      text.append(" <- ")
          .append(cause.getClass().getSimpleName())
          .append(": ")
          .append(cause.getMessage());
    }
    return text.toString();
  }
}
