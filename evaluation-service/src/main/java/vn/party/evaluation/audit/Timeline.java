package vn.party.evaluation.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.security.Actors;

/**
 * The append-only history of each evaluation (the database refuses updates and deletes of its rows). Written in
 * the same transaction as the step it records, so the history never tells of a step that did not happen.
 */
@Component
public class Timeline {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper objectMapper;

  public Timeline(JdbcClient jdbc, ObjectMapper objectMapper) {
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      int year,
      String memberId,
      TimelineKind kind,
      String taskKey,
      String taskId,
      String actor,
      Map<String, ?> details) {
    jdbc.sql(
            """
            insert into evaluation.timeline_entry (year, member_id, kind, task_key, task_id, actor, details)
            values (:year, :member, :kind, :taskKey, :taskId, :actor, cast(:details as jsonb))""")
        .param("year", year)
        .param("member", memberId)
        .param("kind", kind.name())
        .param("taskKey", taskKey)
        .param("taskId", taskId)
        .param("actor", actor)
        .param("details", json(details))
        .update();
  }

  /**
   * A deadline passed without what a step waited for (the unit assessment, the residence comment): the system's entry,
   * with the deadline as the engine held it (a date, written as an instant). One entry shape for every missed
   * deadline, so the timeline shows them alike.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void deadlineMissed(int year, String memberId, TimelineKind kind, Object due) {
    record(
        year,
        memberId,
        kind,
        null,
        null,
        Actors.SYSTEM,
        Map.of("deadline", String.valueOf(due instanceof Date d ? d.toInstant() : due)));
  }

  public List<TimelineEntry> of(int year, String memberId) {
    return jdbc.sql(
            """
            select id, year, member_id, occurred_at, kind, task_key, task_id, actor, details::text as details
            from evaluation.timeline_entry where year = :year and member_id = :member order by id""")
        .param("year", year)
        .param("member", memberId)
        .query(
            (rs, n) ->
                new TimelineEntry(
                    rs.getLong("id"),
                    rs.getInt("year"),
                    rs.getString("member_id"),
                    rs.getObject("occurred_at", OffsetDateTime.class),
                    TimelineKind.valueOf(rs.getString("kind")),
                    rs.getString("task_key"),
                    rs.getString("task_id"),
                    rs.getString("actor"),
                    map(rs.getString("details"))))
        .list();
  }

  private String json(Map<String, ?> details) {
    try {
      return objectMapper.writeValueAsString(details == null ? Map.of() : details);
    } catch (Exception e) {
      throw new IllegalArgumentException("timeline details not serializable", e);
    }
  }

  private Map<String, Object> map(String json) {
    try {
      return objectMapper.readValue(json, MAP);
    } catch (Exception e) {
      throw new IllegalStateException("corrupt timeline details", e);
    }
  }
}
