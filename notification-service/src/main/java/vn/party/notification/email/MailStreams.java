package vn.party.notification.email;

import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * Names Jakarta Mail's stream provider once, so that building and writing a message does not look it up again.
 * {@code jakarta.mail.util.StreamProvider.provider()} is asked by every {@code Multipart}, {@code BodyPart}, encoded
 * word and {@code writeTo} — about ten times per e-mail — and without the system property below each ask is a
 * {@code ServiceLoader} search through every jar of the service (reading their {@code META-INF/services} entries).
 * The bench's profile of the lifecycle (2026-12-08) found 18.5 % of notification-service's sampled CPU there, a third
 * of the e-mail sender's. With the property the ask is a class look-up by name of an already loaded class.
 *
 * <p>An operator's own value of the property (another provider) is kept.
 */
final class MailStreams {

  static final String PROPERTY = "jakarta.mail.util.StreamProvider";

  private MailStreams() {}

  static void nameTheProvider() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, MailStreamProvider.class.getName());
    }
  }
}
