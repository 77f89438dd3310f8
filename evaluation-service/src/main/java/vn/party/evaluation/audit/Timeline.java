package vn.party.evaluation.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.security.Actors;
import vn.party.evaluation.sql.RowsWrittenTogether;

/**
 * The append-only history of each evaluation (the database refuses updates and deletes of its rows). Written in
 * the same transaction as the step it records, so the history never tells of a step that did not happen.
 */
@Component
public class Timeline {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** At most so many rows in one insert (7 parameters each, far below the driver's 32,767). */
  private static final int ROWS_PER_STATEMENT = 500;

  /** Rows of {@link #writtenTogether}, held until its work ends. */
  private final RowsWrittenTogether held =
      new RowsWrittenTogether(ROWS_PER_STATEMENT, this::insert);

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
    Map<String, Object> row = new HashMap<>();
    row.put("year", year);
    row.put("member", memberId);
    row.put("kind", kind.name());
    row.put("taskKey", taskKey);
    row.put("taskId", taskId);
    row.put("actor", actor);
    row.put("details", json(details));
    held.add(row);
  }

  /**
   * Runs {@code work} with the entries it records written at its end, in order, in one statement per {@value
   * #ROWS_PER_STATEMENT} (issue 15: a launch batch recorded two entries per member, a statement each). Still in the
   * caller's transaction: nothing is written if {@code work} fails. Entries read on this thread meanwhile ({@link
   * #of}) are written first.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public <T> T writtenTogether(Supplier<T> work) {
    return held.around(work);
  }

  private void insert(List<Map<String, Object>> rows) {
    StringJoiner values = new StringJoiner(", ");
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      values.add(
          "(:year%1$d, :member%1$d, :kind%1$d, :taskKey%1$d, :taskId%1$d, :actor%1$d, cast(:details%1$d as jsonb))"
              .formatted(i));
      for (Map.Entry<String, Object> column : rows.get(i).entrySet()) {
        params.put(column.getKey() + i, column.getValue());
      }
    }
    jdbc.sql(
            """
            insert into evaluation.timeline_entry (year, member_id, kind, task_key, task_id, actor, details)
            values %s"""
                .formatted(values))
        .params(params)
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
    held.flush();
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
