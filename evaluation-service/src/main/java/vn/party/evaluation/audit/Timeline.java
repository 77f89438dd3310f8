package vn.party.evaluation.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.party.evaluation.security.Actors;

/**
 * The append-only history of each evaluation (the database refuses updates and deletes of its rows). Written in
 * the same transaction as the step it records, so the history never tells of a step that did not happen: the
 * transaction's entries together, just before it commits ({@link TimelineInTransaction}).
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

  /**
   * Records an entry; it is written with the transaction's other entries just before the transaction commits (issue
   * 15: one insert for all of them), so its {@code occurred_at} is the commit's moment and its place among them the
   * order recorded.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      int year,
      String memberId,
      TimelineKind kind,
      String taskKey,
      String taskId,
      String actor,
      Map<String, ?> details) {
    TimelineInTransaction.Row row =
        new TimelineInTransaction.Row(
            year, memberId, kind.name(), taskKey, taskId, actor, json(details));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TimelineInTransaction.current(this::insert).add(row);
    } else {
      insert(List.of(row));
    }
  }

  /** The rows in one statement, in their order (the identity column numbers them so). */
  private void insert(List<TimelineInTransaction.Row> rows) {
    StringBuilder sql =
        new StringBuilder(
            "insert into evaluation.timeline_entry (year, member_id, kind, task_key, task_id, actor, details)"
                + " values ");
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      TimelineInTransaction.Row row = rows.get(i);
      sql.append(i == 0 ? "" : ", ")
          .append(
              "(:year%1$d, :member%1$d, :kind%1$d, :taskKey%1$d, :taskId%1$d, :actor%1$d, cast(:details%1$d as jsonb))"
                  .formatted(i));
      values.put("year" + i, row.year());
      values.put("member" + i, row.memberId());
      values.put("kind" + i, row.kind());
      values.put("taskKey" + i, row.taskKey());
      values.put("taskId" + i, row.taskId());
      values.put("actor" + i, row.actor());
      values.put("details" + i, row.details());
    }
    jdbc.sql(sql.toString()).params(values).update();
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
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TimelineInTransaction.current(this::insert).write(); // what this transaction recorded too
    }
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
