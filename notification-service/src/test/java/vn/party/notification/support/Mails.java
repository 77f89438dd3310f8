package vn.party.notification.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Reads what the SMTP server received. */
public final class Mails {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private Mails() {}

  public static List<MimeMessage> received() {
    return Arrays.asList(TestInfrastructure.SMTP.getReceivedMessages());
  }

  public static List<MimeMessage> receivedBy(String address) {
    return received().stream().filter(message -> isFor(message, address)).toList();
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String text(MimeMessage message) {
    return part(message, "text/plain");
  }

  public static String html(MimeMessage message) {
    return part(message, "text/html");
  }

  /** The plain-text part with its line breaks as written (SMTP carries them as CRLF). */
  public static String lines(MimeMessage message) {
    return text(message).replace("\r\n", "\n");
  }

  /** Waits (30 s at most) for a mail to the address, and checks that it is the only one. */
  public static MimeMessage awaitOneFor(String address) {
    await().atMost(WAIT).until(() -> !receivedBy(address).isEmpty());
    List<MimeMessage> mails = receivedBy(address);
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private static boolean isFor(MimeMessage message, String address) {
    try {
      return message.getAllRecipients() != null
          && Arrays.stream(message.getAllRecipients())
              .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(Part part, String mimeType) {
    try {
      if (part.isMimeType(mimeType)) {
        return (String) part.getContent();
      }
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          String found = part(child, mimeType);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
