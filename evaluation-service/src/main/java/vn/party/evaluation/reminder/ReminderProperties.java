package vn.party.evaluation.reminder;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether this node scans for due and overdue tasks (every node may; a notice still goes out once)
 * @param before how long before the due date the reminder goes out
 * @param scanInterval how often open tasks are scanned
 * @param batchSize at most this many notices per scan and kind (the rest follow at the next scan)
 */
@ConfigurationProperties("evaluation.reminders")
public record ReminderProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("P2D") Duration before,
    @DefaultValue("PT5M") Duration scanInterval,
    @DefaultValue("500") int batchSize) {}
