package vn.party.notification.inapp;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import vn.party.notification.compose.NotificationKind;

/**
 * An in-app notification of one user. {@code title} and {@code body} are the texts as first written
 * (service locale); {@code params} lets them be written again in the reader's language.
 */
public record Notification(
    UUID id,
    String userId,
    NotificationKind kind,
    String title,
    String body,
    String link,
    Map<String, String> params,
    String eventSource,
    String eventId,
    Instant createdAt,
    Instant readAt) {}
