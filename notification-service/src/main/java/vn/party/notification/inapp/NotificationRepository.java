package vn.party.notification.inapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.party.notification.compose.NotificationKind;

@Repository
public class NotificationRepository {

  private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, user_id, kind, title, body, link, params, event_source, event_id, created_at, read_at";

  private final JdbcClient jdbc;
  private final ObjectMapper objectMapper;

  public NotificationRepository(JdbcClient jdbc, ObjectMapper objectMapper) {
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
  }

  /** Inserts the notification; its {@code createdAt} and {@code readAt} are ignored. */
  public void insert(Notification notification) {
    jdbc.sql(
            """
            insert into notification.notification
              (id, user_id, kind, title, body, link, params, event_source, event_id)
            values (:id, :userId, :kind, :title, :body, :link, cast(:params as jsonb), :eventSource, :eventId)
            """)
        .param("id", notification.id())
        .param("userId", notification.userId())
        .param("kind", notification.kind().name())
        .param("title", notification.title())
        .param("body", notification.body())
        .param("link", notification.link())
        .param("params", toJson(notification.params()))
        .param("eventSource", notification.eventSource())
        .param("eventId", notification.eventId())
        .update();
  }

  public List<Notification> findForUser(String userId, boolean unreadOnly, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from notification.notification where user_id = :userId"
                + (unreadOnly ? " and read_at is null" : "")
                + " order by created_at desc, id desc limit :limit")
        .param("userId", userId)
        .param("limit", limit)
        .query(this::map)
        .list();
  }

  public long countUnread(String userId) {
    return jdbc.sql(
            "select count(*) from notification.notification where user_id = :userId and read_at is null")
        .param("userId", userId)
        .query(Long.class)
        .single();
  }

  /** Marks the user's own notification read (keeping the first read time); empty if the user has no such notification. */
  public Optional<Notification> markRead(UUID id, String userId) {
    return jdbc.sql(
            "update notification.notification set read_at = coalesce(read_at, now())"
                + " where id = :id and user_id = :userId returning "
                + COLUMNS)
        .param("id", id)
        .param("userId", userId)
        .query(this::map)
        .optional();
  }

  /** Marks every unread notification of the user read; the number marked. */
  public int markAllRead(String userId) {
    return jdbc.sql(
            "update notification.notification set read_at = now() where user_id = :userId and read_at is null")
        .param("userId", userId)
        .update();
  }

  private Notification map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime readAt = rs.getObject("read_at", OffsetDateTime.class);
    return new Notification(
        rs.getObject("id", UUID.class),
        rs.getString("user_id"),
        NotificationKind.valueOf(rs.getString("kind")),
        rs.getString("title"),
        rs.getString("body"),
        rs.getString("link"),
        fromJson(rs.getString("params")),
        rs.getString("event_source"),
        rs.getString("event_id"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        readAt == null ? null : readAt.toInstant());
  }

  private String toJson(Map<String, String> params) {
    try {
      return objectMapper.writeValueAsString(params == null ? Map.of() : params);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Notification params cannot be written as JSON", e);
    }
  }

  private Map<String, String> fromJson(String json) {
    try {
      return json == null ? Map.of() : objectMapper.readValue(json, PARAMS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored notification params are not JSON", e);
    }
  }
}
