package vn.party.evaluation.reminder;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the deadline scan on a schedule ({@code evaluation.reminders.scan-interval}). */
@Component
@EnableConfigurationProperties(ReminderProperties.class)
public class DeadlineWatcher {

  private static final Logger log = LoggerFactory.getLogger(DeadlineWatcher.class);

  private final DeadlineNotices notices;
  private final ReminderProperties properties;

  public DeadlineWatcher(DeadlineNotices notices, ReminderProperties properties) {
    this.notices = notices;
    this.properties = properties;
  }

  @Scheduled(
      initialDelayString = "${evaluation.reminders.scan-interval:PT5M}",
      fixedDelayString = "${evaluation.reminders.scan-interval:PT5M}")
  public void scan() {
    if (!properties.enabled()) {
      return;
    }
    try {
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      int reminded = notices.remind(now);
      int escalated = notices.escalate(now);
      if (reminded + escalated > 0) {
        log.info("deadline scan: {} reminder(s), {} escalation(s)", reminded, escalated);
      }
    } catch (RuntimeException e) {
      // the database may be away; the next scan tries again and nothing was half-written (one
      // transaction each)
      log.warn("deadline scan failed: {}", e.getMessage());
    }
  }
}
