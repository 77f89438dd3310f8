package vn.party.evaluation.finalization;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** level_adjustment rows: every level the committee changed while finalizing, and why (append-only). */
@Component
public class LevelAdjustments {

  private final JdbcClient jdbc;

  public LevelAdjustments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record LevelAdjustment(
      long id,
      int year,
      String memberId,
      UUID campaignId,
      String organizationId,
      String fromLevel,
      String toLevel,
      String reason,
      String adjustedBy,
      OffsetDateTime adjustedAt) {}

  @Transactional(propagation = Propagation.MANDATORY)
  LevelAdjustment insert(
      int year,
      String memberId,
      UUID campaignId,
      String organizationId,
      String fromLevel,
      String toLevel,
      String reason,
      String by) {
    return jdbc.sql(
            """
            insert into evaluation.level_adjustment (year, member_id, campaign_id, organization_id, from_level,
              to_level, reason, adjusted_by)
            values (:year, :member, :campaign, :org, :from, :to, :reason, :by) returning *""")
        .param("year", year)
        .param("member", memberId)
        .param("campaign", campaignId)
        .param("org", organizationId)
        .param("from", fromLevel)
        .param("to", toLevel)
        .param("reason", reason)
        .param("by", by)
        .query(LevelAdjustment.class)
        .single();
  }

  /** A member's adjustments in a year, oldest first: the first one's fromLevel is the original decision. */
  public List<LevelAdjustment> of(int year, String memberId) {
    return jdbc.sql(
            """
            select * from evaluation.level_adjustment where year = :year and member_id = :member order by id""")
        .param("year", year)
        .param("member", memberId)
        .query(LevelAdjustment.class)
        .list();
  }
}
