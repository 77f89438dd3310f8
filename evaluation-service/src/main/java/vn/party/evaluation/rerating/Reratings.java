package vn.party.evaluation.rerating;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The re-rating records. */
@Component
public class Reratings {

  private final JdbcClient jdbc;

  public Reratings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Rerating(
      int year,
      String memberId,
      String disciplineDecisionId,
      String originalLevel,
      String reratedLevel,
      String comment,
      String decidedBy,
      OffsetDateTime startedAt,
      OffsetDateTime decidedAt) {}

  /** @return false when this discipline decision already started a re-rating (a redelivery or a correction) */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean start(
      int year,
      String memberId,
      String decisionId,
      String processInstanceId,
      String originalLevel) {
    return jdbc.sql(
                """
            insert into evaluation.rerating (year, member_id, discipline_decision_id, process_instance_id,
              original_level) values (:year, :member, :decision, :process, :original) on conflict do nothing""")
            .param("year", year)
            .param("member", memberId)
            .param("decision", decisionId)
            .param("process", processInstanceId)
            .param("original", originalLevel)
            .update()
        == 1;
  }

  boolean exists(int year, String memberId, String decisionId) {
    return jdbc.sql(
                """
            select count(*) from evaluation.rerating
            where year = :year and member_id = :member and discipline_decision_id = :decision""")
            .param("year", year)
            .param("member", memberId)
            .param("decision", decisionId)
            .query(Integer.class)
            .single()
        > 0;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void decided(
      int year, String memberId, String decisionId, String level, String comment, String by) {
    jdbc.sql(
            """
            update evaluation.rerating set rerated_level = :level, comment = :comment, decided_by = :by,
              decided_at = now()
            where year = :year and member_id = :member and discipline_decision_id = :decision""")
        .param("level", level)
        .param("comment", comment)
        .param("by", by)
        .param("year", year)
        .param("member", memberId)
        .param("decision", decisionId)
        .update();
  }

  public List<Rerating> of(int year, String memberId) {
    return jdbc.sql(
            """
            select year, member_id, discipline_decision_id, original_level, rerated_level, comment, decided_by,
                   started_at, decided_at
            from evaluation.rerating where year = :year and member_id = :member order by started_at""")
        .param("year", year)
        .param("member", memberId)
        .query(Rerating.class)
        .list();
  }
}
