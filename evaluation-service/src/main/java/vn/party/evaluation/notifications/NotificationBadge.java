package vn.party.evaluation.notifications;

import org.springframework.stereotype.Component;

/**
 * The unread count in every page's header: {@code ${@notificationBadge.unread(me.userId)}} in the layout, asked only
 * when a page is rendered; null when notification-service is not answering (the header then says so).
 */
@Component("notificationBadge")
public class NotificationBadge {

  private final NotificationClient client;

  public NotificationBadge(NotificationClient client) {
    this.client = client;
  }

  public Long unread(String userId) {
    return client.unreadCount(userId).orElse(null);
  }
}
