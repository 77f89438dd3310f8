package vn.party.evaluation.feedback;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Residence-area comments as received; kept even when no evaluation waits for them (yet). */
@Component
public class ResidenceFeedbackStore {

  private final JdbcClient jdbc;

  public ResidenceFeedbackStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void save(ResidenceFeedback feedback, String eventSource, String eventId) {
    jdbc.sql(
            """
            insert into evaluation.residence_feedback (year, member_id, comment, submitted_by, event_source, event_id)
            values (:year, :member, :comment, :by, :source, :id)""")
        .param("year", feedback.year())
        .param("member", feedback.memberId())
        .param("comment", feedback.comment())
        .param("by", feedback.submittedBy())
        .param("source", eventSource)
        .param("id", eventId)
        .update();
  }

  /** The latest comment received for the member and year. */
  public Optional<ResidenceFeedback> latest(int year, String memberId) {
    return jdbc.sql(
            """
            select member_id, year, comment, submitted_by from evaluation.residence_feedback
            where year = :year and member_id = :member order by id desc limit 1""")
        .param("year", year)
        .param("member", memberId)
        .query(ResidenceFeedback.class)
        .optional();
  }
}
