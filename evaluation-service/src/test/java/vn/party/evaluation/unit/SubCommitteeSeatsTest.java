package vn.party.evaluation.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.UnitFixture;

/**
 * Issue 13: a sub-committee's committee (đảng ủy bộ phận) gets engine groups as the branch and grassroots committees
 * do — {@code sub-committee-over-{branch}} for each branch below it — so it reads those branches' evaluations, and
 * nothing of the other branches; it decides nothing (no task of the processes is its). A branch created under it
 * later is read too; taking the seat away takes the reading away. The demo's sub-committee {@code thanh-khe-tay-kv2}
 * has branch 3 under it; member14 (branch 3, on no committee in the demo) sits on it for the test. Year {@value
 * #YEAR} has no campaign: whoever may read an evaluation learns with a 404 that there is none, others get 403.
 */
class SubCommitteeSeatsTest extends EvaluationFlowSupport {

  private static final int YEAR = 2073;
  private static final String SUB_COMMITTEE = ORG + "-kv2";
  private static final String PERSON = "member14";
  private static final String NEW_BRANCH = "sc-cb-new";

  @AfterEach
  void theDemoAsBefore() {
    as("admin")
        .delete()
        .uri("/api/v1/units/{u}/committee/{p}?body=COMMITTEE&reason=r", SUB_COMMITTEE, PERSON)
        .retrieve()
        .toEntity(String.class);
    // the demo organization's later campaigns (other tests) rate its open branches: closed again
    as("admin")
        .post()
        .uri("/api/v1/units/{u}/dissolution", NEW_BRANCH)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("reason", "Chi bộ của phép thử"))
        .retrieve()
        .toEntity(String.class);
  }

  @Test
  void aSubCommitteesCommitteeReadsTheEvaluationsOfItsBranchesOnly() {
    assertThat(status(PERSON, "member13")).isEqualTo(403);

    ResponseEntity<String> seated =
        unitFixture().seat("committee", SUB_COMMITTEE, PERSON, "COMMITTEE", "SECRETARY");
    assertThat(seated.getStatusCode().value()).as(seated.getBody()).isEqualTo(200);
    assertThat(memberOf(PERSON, "sub-committee-over-" + ORG + "-cb3")).isTrue();
    assertThat(memberOf(PERSON, "branch-committee-" + ORG + "-cb3")).isFalse();

    // branch 3 is below the sub-committee: read (none that year); branch 1 is not: refused
    assertThat(status(PERSON, "member13")).isEqualTo(404);
    assertThat(status(PERSON, "member1")).isEqualTo(403);

    // a branch opened below it later is read as well
    ResponseEntity<String> created =
        unitFixture()
            .post(
                "committee",
                UnitFixture.body(
                    "BRANCH", SUB_COMMITTEE, "Chi bộ Khu vực 2 mới", NEW_BRANCH, "2020-01-01"));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    assertThat(memberOf(PERSON, "sub-committee-over-" + NEW_BRANCH)).isTrue();

    // the seat taken away: the reading goes with it
    ResponseEntity<String> unseated =
        as("committee")
            .delete()
            .uri("/api/v1/units/{u}/committee/{p}?body=COMMITTEE&reason=r", SUB_COMMITTEE, PERSON)
            .retrieve()
            .toEntity(String.class);
    assertThat(unseated.getStatusCode().is2xxSuccessful()).as(unseated.getBody()).isTrue();
    assertThat(memberOf(PERSON, "sub-committee-over-" + ORG + "-cb3")).isFalse();
    assertThat(memberOf(PERSON, "sub-committee-over-" + NEW_BRANCH)).isFalse();
    assertThat(status(PERSON, "member13")).isEqualTo(403);
  }

  private int status(String user, String memberId) {
    return as(user)
        .get()
        .uri("/api/v1/evaluations/{y}/{m}", YEAR, memberId)
        .retrieve()
        .toEntity(String.class)
        .getStatusCode()
        .value();
  }

  private boolean memberOf(String user, String group) {
    return unitFixture().memberOf(user, group);
  }
}
