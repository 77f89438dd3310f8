package vn.party.evaluation.complaint;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The re-appraisal records: one per member and year, beside the original decision. */
@Component
public class Reappraisals {

  private final JdbcClient jdbc;

  public Reappraisals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @param reappraisedLevel null while the committee above has not decided */
  public record Reappraisal(
      int year,
      String memberId,
      UUID campaignId,
      String processInstanceId,
      String originalLevel,
      String reappraisedLevel,
      String comment,
      String decidedBy,
      OffsetDateTime startedAt,
      OffsetDateTime decidedAt) {

    public boolean decided() {
      return decidedAt != null;
    }

    /** Whether the committee above changed the level (null while undecided). */
    public Boolean changed() {
      return reappraisedLevel == null ? null : !reappraisedLevel.equals(originalLevel);
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void start(
      int year, String memberId, UUID campaignId, String processInstanceId, String originalLevel) {
    jdbc.sql(
            """
            insert into evaluation.reappraisal (year, member_id, campaign_id, process_instance_id, original_level)
            values (:year, :member, :campaign, :process, :original)""")
        .param("year", year)
        .param("member", memberId)
        .param("campaign", campaignId)
        .param("process", processInstanceId)
        .param("original", originalLevel)
        .update();
  }

  public Optional<Reappraisal> of(int year, String memberId) {
    return jdbc.sql(
            "select * from evaluation.reappraisal where year = :year and member_id = :member")
        .param("year", year)
        .param("member", memberId)
        .query(Reappraisal.class)
        .optional();
  }

  public int open(UUID campaignId) {
    return jdbc.sql(
            "select count(*) from evaluation.reappraisal where campaign_id = :campaign and decided_at is null")
        .param("campaign", campaignId)
        .query(Integer.class)
        .single();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void decided(int year, String memberId, String level, String comment, String by) {
    jdbc.sql(
            """
            update evaluation.reappraisal set reappraised_level = :level, comment = :comment, decided_by = :by,
              decided_at = now()
            where year = :year and member_id = :member""")
        .param("level", level)
        .param("comment", comment)
        .param("by", by)
        .param("year", year)
        .param("member", memberId)
        .update();
  }
}
