package vn.party.evaluation.campaign;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.rules.QuotaCheck;

/** result_finalization rows: when and by whom a campaign's results were finalized, on which figures. */
@Component
public class Finalizations {

  private final JdbcClient jdbc;

  public Finalizations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Finalization(
      UUID campaignId,
      int excellent,
      int good,
      int excellentAllowed,
      String finalizedBy,
      OffsetDateTime finalizedAt) {}

  public Optional<Finalization> of(UUID campaignId) {
    return jdbc.sql("select * from evaluation.result_finalization where campaign_id = :id")
        .param("id", campaignId)
        .query(Finalization.class)
        .optional();
  }

  /**
   * Takes the campaign's row lock until the transaction ends: an adjustment and the finalization of the same campaign
   * run one after the other, so nobody finalizes on figures an adjustment is changing.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lockCampaign(UUID campaignId) {
    jdbc.sql("select id from evaluation.campaign where id = :id for update")
        .param("id", campaignId)
        .query(UUID.class)
        .optional();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(UUID campaignId, QuotaCheck quota, String by) {
    jdbc.sql(
            """
            insert into evaluation.result_finalization (campaign_id, excellent, good, excellent_allowed, finalized_by)
            values (:id, :excellent, :good, :allowed, :by)""")
        .param("id", campaignId)
        .param("excellent", quota.excellent())
        .param("good", quota.good())
        .param("allowed", quota.maxExcellent())
        .param("by", by)
        .update();
  }
}
