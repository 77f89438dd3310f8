package vn.party.notification.inapp;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.notification.compose.NotificationComposer;
import vn.party.notification.compose.RenderedText;

@Service
public class NotificationService {

  private final NotificationRepository repository;
  private final NotificationComposer composer;
  private final NotificationMapper mapper;

  NotificationService(
      NotificationRepository repository, NotificationComposer composer, NotificationMapper mapper) {
    this.repository = repository;
    this.composer = composer;
    this.mapper = mapper;
  }

  @Transactional(readOnly = true)
  public NotificationListResponse list(
      String userId, boolean unreadOnly, int limit, Locale locale) {
    List<NotificationResponse> items =
        repository.findForUser(userId, unreadOnly, limit).stream()
            .map(n -> mapper.toResponse(n, text(n, locale)))
            .toList();
    return new NotificationListResponse(repository.countUnread(userId), items);
  }

  @Transactional
  public NotificationResponse markRead(UUID id, String userId, Locale locale) {
    Notification notification =
        repository.markRead(id, userId).orElseThrow(() -> new NotificationNotFoundException(id));
    return mapper.toResponse(notification, text(notification, locale));
  }

  @Transactional
  public ReadAllResponse markAllRead(String userId) {
    return new ReadAllResponse(repository.markAllRead(userId), repository.countUnread(userId));
  }

  private RenderedText text(Notification notification, Locale locale) {
    if (notification.params() == null || notification.params().isEmpty()) {
      return new RenderedText(notification.title(), notification.body());
    }
    return composer.inApp(notification.kind(), notification.params(), locale);
  }
}
