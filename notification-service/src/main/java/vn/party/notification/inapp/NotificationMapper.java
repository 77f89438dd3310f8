package vn.party.notification.inapp;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import vn.party.notification.compose.RenderedText;

@Mapper(componentModel = MappingConstants.ComponentModel.SPRING)
public interface NotificationMapper {

  /** The texts come from {@code text}: the notification rendered in the reader's language. */
  @Mapping(target = "id", source = "notification.id")
  @Mapping(target = "kind", source = "notification.kind")
  @Mapping(target = "title", source = "text.title")
  @Mapping(target = "body", source = "text.body")
  @Mapping(target = "link", source = "notification.link")
  @Mapping(target = "createdAt", source = "notification.createdAt")
  @Mapping(target = "readAt", source = "notification.readAt")
  @Mapping(target = "read", expression = "java(notification.readAt() != null)")
  NotificationResponse toResponse(Notification notification, RenderedText text);
}
