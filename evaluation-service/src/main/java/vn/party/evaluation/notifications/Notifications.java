package vn.party.evaluation.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the pages show of notification-service's answers (its JSON, read as is). */
public final class Notifications {

  public record Item(
      UUID id,
      String kind,
      String title,
      String body,
      String link,
      Instant createdAt,
      Instant readAt,
      boolean read) {}

  public record Page(long unreadCount, List<Item> items) {}

  public record Preference(boolean emailEnabled) {}

  public record ReadAll(int marked, long unreadCount) {}

  private Notifications() {}
}
