package vn.party.notification.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection kept open for the e-mails of one outbox batch. Opening a connection (TCP, greeting, EHLO,
 * STARTTLS, AUTH) costs far more than one message on it — ~43 ms against the local stack's GreenMail, measured by the
 * bench — so a batch of 200 used to spend most of its time connecting. Opened on the first message, closed with the
 * batch; a failed send closes it, so the next message starts on a fresh one.
 *
 * <p>A sender that is not Spring's {@link JavaMailSenderImpl} (it has no session to open a transport from) sends
 * every message on its own, as before.
 */
final class SmtpConnection implements AutoCloseable {

  private final JavaMailSender mailSender;
  private final Runnable onConnect;
  private Transport transport;

  SmtpConnection(JavaMailSender mailSender, Runnable onConnect) {
    this.mailSender = mailSender;
    this.onConnect = onConnect;
  }

  /** Sends one message; failures come out as Spring's mail exceptions, like {@link JavaMailSender#send}. */
  void send(MimeMessage message) {
    if (!(mailSender instanceof JavaMailSenderImpl sender)) {
      mailSender.send(message);
      return;
    }
    try {
      if (transport == null) {
        transport = connect(sender);
      }
      prepare(message);
      transport.sendMessage(message, message.getAllRecipients());
    } catch (AuthenticationFailedException e) {
      close();
      throw new MailAuthenticationException(e);
    } catch (MessagingException e) {
      // The connection may be half-way through a transaction: never reuse it.
      close();
      throw new MailSendException("SMTP: " + e.getMessage(), e);
    }
  }

  private Transport connect(JavaMailSenderImpl sender) throws MessagingException {
    String protocol =
        sender.getProtocol() != null
            ? sender.getProtocol()
            : sender.getSession().getProperty("mail.transport.protocol");
    Transport opened = sender.getSession().getTransport(protocol != null ? protocol : "smtp");
    String username = sender.getUsername();
    String password = sender.getPassword();
    if ("".equals(username)) {
      username = null;
      password = "".equals(password) ? null : password;
    }
    opened.connect(sender.getHost(), sender.getPort(), username, password);
    onConnect.run();
    return opened;
  }

  /** What {@link Transport#send} does before sending, keeping the Message-ID we set (saveChanges replaces it). */
  private static void prepare(MimeMessage message) throws MessagingException {
    if (message.getSentDate() == null) {
      message.setSentDate(new Date());
    }
    String messageId = message.getMessageID();
    message.saveChanges();
    if (messageId != null) {
      message.setHeader("Message-ID", messageId);
    }
  }

  @Override
  public void close() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        // Closing a broken connection can fail too; there is nothing left to do with it.
      }
      transport = null;
    }
  }
}
