package vn.party.localstack;

import static vn.party.localstack.StartupFailure.rootMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GreenMail SMTP and IMAP on the loopback interface, accepting any recipient without authentication. */
final class LocalMail implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalMail.class);
  private static final String LOOPBACK = "127.0.0.1";

  private final int smtpPort;
  private final int imapPort;
  private GreenMail greenMail;

  /** Port 0 picks a free one. */
  LocalMail(int smtpPort, int imapPort) {
    this.smtpPort = smtpPort == 0 ? Ports.freePort() : smtpPort;
    this.imapPort = imapPort == 0 ? Ports.freePort() : imapPort;
  }

  void start() {
    ServerSetup smtp = new ServerSetup(smtpPort, LOOPBACK, ServerSetup.PROTOCOL_SMTP);
    ServerSetup imap = new ServerSetup(imapPort, LOOPBACK, ServerSetup.PROTOCOL_IMAP);
    GreenMail mail =
        new GreenMail(new ServerSetup[] {smtp, imap})
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    try {
      mail.start();
    } catch (RuntimeException e) {
      try {
        mail.stop();
      } catch (RuntimeException ignored) {
        // already failing
      }
      throw new IllegalStateException(
          "Cannot start GreenMail (SMTP "
              + smtpPort
              + ", IMAP "
              + imapPort
              + "; is another mail catcher running?): "
              + rootMessage(e),
          e);
    }
    greenMail = mail;
    log.info(
        "GreenMail started: SMTP localhost:{}, IMAP localhost:{} (any recipient, no authentication)",
        smtpPort,
        imapPort);
  }

  int smtpPort() {
    return smtpPort;
  }

  int imapPort() {
    return imapPort;
  }

  GreenMail greenMail() {
    return Objects.requireNonNull(greenMail, "GreenMail is not running");
  }

  @Override
  public void close() {
    if (greenMail != null) {
      try {
        greenMail.stop();
      } catch (RuntimeException e) {
        log.warn("Stopping GreenMail failed: {}", e.toString());
      }
    }
  }
}
