package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * At launch the campaign's regulation decides who is rated: exempted and suspended members and members admitted
 * less than six months before the year's end are recorded as not rated, with the reason, and get no evaluation.
 */
class EligibilityAtLaunchTest extends IntegrationTestSupport {

  private static final String ORG = "eligibility-ward";
  private static final int YEAR = 2026;

  @Test
  void membersTheRegulationExcludesAreRecordedWithTheReasonAndNotStarted() {
    jdbc.sql("insert into evaluation.organization (id, name) values (:id, 'Đảng bộ thử nghiệm')")
        .param("id", ORG)
        .update();
    jdbc.sql(
            "insert into evaluation.branch (id, organization_id, name) values ('eligibility-cb1', :org, 'Chi bộ 1')")
        .param("org", ORG)
        .update();
    member("elig-official", "OFFICIAL", false, false, LocalDate.of(2001, 3, 2));
    member("elig-probationary", "PROBATIONARY", false, false, LocalDate.of(2025, 9, 1));
    member("elig-exempted", "OFFICIAL", true, false, LocalDate.of(1990, 1, 1));
    member("elig-suspended", "OFFICIAL", false, true, LocalDate.of(2005, 1, 1));
    member("elig-new", "PROBATIONARY", false, false, LocalDate.of(YEAR, 8, 1));

    String id =
        CampaignOpening.opened(
            as("admin"), ORG, YEAR, "QD-366-2025", CampaignOpening.Dues.daysAhead(5, 6, 7, 8));

    CampaignOpening.awaitLaunch(
        as("auditor"),
        id,
        Duration.ofSeconds(60),
        campaign -> {
          JsonNode progress = campaign.get("progress");
          assertThat(progress.get("membersTotal").asInt()).isEqualTo(2);
          assertThat(progress.get("membersStarted").asInt()).isEqualTo(2);
          assertThat(progress.get("membersNotRated").asInt()).isEqualTo(3);
          assertThat(progress.at("/notRatedByReason/EXEMPTED").asInt()).isEqualTo(1);
          assertThat(progress.at("/notRatedByReason/SUSPENDED").asInt()).isEqualTo(1);
          assertThat(progress.at("/notRatedByReason/ADMITTED_UNDER_6_MONTHS").asInt()).isEqualTo(1);
        });
    assertThat(
            jdbc.sql(
                    "select member_id from evaluation.member_evaluation where year = :y and organization_id = :o "
                        + "order by member_id")
                .param("y", YEAR)
                .param("o", ORG)
                .query(String.class)
                .list())
        .containsExactly("elig-official", "elig-probationary");
    assertThat(
            jdbc.sql(
                    "select form_kind from evaluation.campaign_member where member_id = 'elig-probationary'")
                .query(String.class)
                .single())
        .isEqualTo("PROBATIONARY");
    assertThat(
            jdbc.sql(
                    "select rule_id from evaluation.campaign_member where member_id = 'elig-suspended'")
                .query(String.class)
                .single())
        .startsWith("member-eligibility-QD-366-2025");
  }

  private void member(
      String id, String membership, boolean exempted, boolean suspended, LocalDate admittedOn) {
    jdbc.sql(
            """
            insert into evaluation.party_member (id, full_name, branch_id, membership, exempted, suspended, admitted_on)
            values (:id, :id, 'eligibility-cb1', :membership, :exempted, :suspended, :admitted)""")
        .param("id", id)
        .param("membership", membership)
        .param("exempted", exempted)
        .param("suspended", suspended)
        .param("admitted", admittedOn)
        .update();
  }
}
