package vn.party.evaluation.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.party.evaluation.IntegrationTestSupport;
import vn.party.evaluation.UnitFixture;

/**
 * Issue 15 (lifecycle speed): a decision counts its member for the campaign as its transaction's last statement. The
 * bench's lifecycle found every decision of a campaign waiting on the campaign row, locked by another decision for the
 * rest of that one's transaction (1.5 s of lock wait per member at 20 users). While a decision's transaction is still
 * at work the campaign row stays free; at its commit the member is counted, once, and the caller is handed the
 * campaign as counted.
 */
class DecisionCountTest extends IntegrationTestSupport {

  private static final String ORG = "decision-count-ward";
  private static final String BRANCH = "decision-count-cb1";

  @Autowired private Campaigns campaigns;
  @Autowired private DataSource dataSource;
  @Autowired private PlatformTransactionManager transactionManager;

  @Test
  void aDecisionLeavesTheCampaignRowFreeUntilItsCommitAndCountsTheMemberThen() throws SQLException {
    UUID campaign = campaignOf(List.of("dc-m1", "dc-m2", "dc-m3"), 2025);
    List<Campaign> handed = new ArrayList<>();

    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              campaigns.memberDecided(campaign, "dc-m1", handed::add);
              // another decision of the campaign, from its own connection, is not kept waiting
              assertThat(campaignRowFree(campaign)).isTrue();
              assertThat(handed).isEmpty();
            });

    assertThat(handed).hasSize(1);
    assertThat(handed.get(0).membersDecided()).isEqualTo(1);
    assertThat(decidedCount(campaign)).isEqualTo(1);
    assertThat(memberStatus(campaign, "dc-m1")).isEqualTo("DECIDED");
  }

  @Test
  void decisionsOfOneTransactionAreCountedTogetherAndHandedOverOnce() {
    UUID campaign = campaignOf(List.of("dc-n1", "dc-n2", "dc-n3"), 2024);
    List<String> handedBy = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();

    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              campaigns.memberDecided(campaign, "dc-n1", c -> handedBy.add("first"));
              campaigns.memberDecided(
                  campaign,
                  "dc-n2",
                  c -> {
                    handedBy.add("second");
                    counts.add(c.membersDecided());
                  });
            });

    assertThat(handedBy).containsExactly("second");
    assertThat(counts).containsExactly(2);
    assertThat(decidedCount(campaign)).isEqualTo(2);
  }

  @Test
  void aRolledBackDecisionIsNotCounted() {
    UUID campaign = campaignOf(List.of("dc-r1"), 2023);
    List<Campaign> handed = new ArrayList<>();

    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              campaigns.memberDecided(campaign, "dc-r1", handed::add);
              status.setRollbackOnly();
            });
    // the next transaction on this thread starts with nothing left to count
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {});

    assertThat(handed).isEmpty();
    assertThat(decidedCount(campaign)).isZero();
    assertThat(memberStatus(campaign, "dc-r1")).isEqualTo("STARTED");
  }

  /** Whether another connection can lock the campaign row at once (NOWAIT: an error if it is locked). */
  private boolean campaignRowFree(UUID campaign) {
    try (Connection other = dataSource.getConnection();
        PreparedStatement lock =
            other.prepareStatement(
                "select id from evaluation.campaign where id = ? for update nowait")) {
      other.setAutoCommit(false);
      lock.setObject(1, campaign);
      lock.executeQuery().close();
      other.rollback();
      return true;
    } catch (SQLException locked) {
      assertThat(locked.getSQLState()).isEqualTo("55P03"); // lock_not_available
      return false;
    }
  }

  private UUID campaignOf(List<String> members, int year) {
    UnitFixture units = new UnitFixture(this::as, jdbc);
    units.organizationRows(ORG, "Đảng bộ đếm quyết định", BRANCH);
    UUID campaign = UUID.randomUUID();
    jdbc.sql(
            """
            insert into evaluation.campaign (id, organization_id, year, regulation, self_review_due,
              residence_feedback_due, unit_assessment_due, branch_review_due, decision_due, status,
              members_total, members_started, roster_prepared, created_by)
            values (:id, :org, :year, 'HD25', now(), now(), now(), now(), now(), 'RUNNING',
              :n, :n, true, 'admin')""")
        .param("id", campaign)
        .param("org", ORG)
        .param("year", year)
        .param("n", members.size())
        .update();
    for (String member : members) {
      units.rosterRow(member, BRANCH);
      jdbc.sql(
              "insert into evaluation.campaign_member (campaign_id, member_id, status) values (:c, :m, 'STARTED')")
          .param("c", campaign)
          .param("m", member)
          .update();
    }
    return campaign;
  }

  private int decidedCount(UUID campaign) {
    return jdbc.sql("select members_decided from evaluation.campaign where id = :id")
        .param("id", campaign)
        .query(Integer.class)
        .single();
  }

  private String memberStatus(UUID campaign, String member) {
    return jdbc.sql(
            "select status from evaluation.campaign_member where campaign_id = :c and member_id = :m")
        .param("c", campaign)
        .param("m", member)
        .query(String.class)
        .single();
  }
}
