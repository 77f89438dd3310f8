package vn.party.evaluation.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Saved, not yet submitted form values of an open task. */
@Component
class TaskDrafts {

  private final JdbcClient jdbc;
  private final ObjectMapper objectMapper;

  TaskDrafts(JdbcClient jdbc, ObjectMapper objectMapper) {
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
  }

  record Draft(Map<String, Object> values, String savedBy, OffsetDateTime savedAt) {}

  @Transactional(propagation = Propagation.MANDATORY)
  void save(OpenTask task, Map<String, Object> values, String by) {
    jdbc.sql(
            """
            insert into evaluation.task_draft (task_id, task_key, year, member_id, draft, saved_by)
            values (:task, :key, :year, :member, cast(:draft as jsonb), :by)
            on conflict (task_id) do update set draft = excluded.draft, saved_by = excluded.saved_by,
              saved_at = now()""")
        .param("task", task.id())
        .param("key", task.taskKey())
        .param("year", task.year())
        .param("member", task.memberId())
        .param("draft", json(values))
        .param("by", by)
        .update();
  }

  Optional<Draft> find(String taskId) {
    return jdbc.sql(
            "select draft, saved_by, saved_at from evaluation.task_draft where task_id = :task")
        .param("task", taskId)
        .query(
            (rs, n) ->
                new Draft(
                    values(rs.getString("draft")),
                    rs.getString("saved_by"),
                    rs.getObject("saved_at", OffsetDateTime.class)))
        .optional();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void discard(String taskId) {
    jdbc.sql("delete from evaluation.task_draft where task_id = :task")
        .param("task", taskId)
        .update();
  }

  private String json(Map<String, Object> values) {
    try {
      return objectMapper.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> values(String json) {
    try {
      return objectMapper.readValue(json, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
