package vn.party.notification.email;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import vn.party.notification.config.NotificationProperties;

/** Runs the e-mail sender every {@code notification.mail.poll-interval} (a Duration, e.g. 500ms). */
@Configuration(proxyBeanMethods = false)
class EmailSchedulingConfig implements SchedulingConfigurer {

  private final EmailSender sender;
  private final NotificationProperties properties;

  EmailSchedulingConfig(EmailSender sender, NotificationProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(sender::sendDue, properties.mail().pollInterval());
  }
}
