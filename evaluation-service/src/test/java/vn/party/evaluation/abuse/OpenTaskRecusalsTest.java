package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.security.engine.OpenTaskRecusals;

/**
 * Recusal after an upgrade (issue 12): a task about a member opened before recusal existed has no revocation, so the
 * member, seated on the committee since, finds it in their list. At start the application gives such tasks the
 * revocation a new task gets, and only those.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenTaskRecusalsTest extends EvaluationFlowSupport {

  /** A year no other test uses. */
  private static final int YEAR = 2034;

  private static final String CB1 = ORG + "-cb1";
  private static final String SELF = "member3";

  @Autowired private OpenTaskRecusals recusals;

  @AfterAll
  void seatsAsInTheDemo() {
    as("admin")
        .delete()
        .uri("/api/v1/units/{u}/committee/{p}?body=COMMITTEE&reason=r", CB1, SELF)
        .retrieve()
        .toEntity(String.class);
  }

  @Test
  void aTaskOpenedBeforeRecusalIsRevokedFromItsMemberAndNothingElseChanges() {
    launchedCampaign(YEAR);
    ResponseEntity<String> seated =
        as("committee")
            .put()
            .uri("/api/v1/units/{u}/committee", CB1)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("personId", SELF, "body", "COMMITTEE", "role", "MEMBER", "reason", "r"))
            .retrieve()
            .toEntity(String.class);
    assertThat(seated.getStatusCode().value()).as(seated.getBody()).isEqualTo(200);
    for (String member : List.of(SELF, "member5")) {
      completeOk(member, taskOf(member, "self-review", member, YEAR), selfCriticism("GOOD"));
      sendResidenceFeedback(member, YEAR, "Tốt");
    }
    String own = taskOf("secretary1", "branch-review", SELF, YEAR);
    String other = taskOf(SELF, "branch-review", "member5", YEAR);
    assertThat(listedFor(SELF)).contains(other).doesNotContain(own);

    // as if the task had been opened before recusal existed: its revocation is not there
    int removed =
        jdbc.sql("delete from act_ru_authorization where resource_id_ = ? and type_ = 2")
            .param(own)
            .update();
    assertThat(removed).isEqualTo(1);
    assertThat(listedFor(SELF)).contains(own);

    assertThat(recusals.revokeWhereMissing()).isEqualTo(1);
    assertThat(listedFor(SELF)).contains(other).doesNotContain(own);
    assertThat(listedFor("secretary1")).contains(own);
    assertThat(recusals.revokeWhereMissing()).isZero();
  }

  private String listedFor(String user) {
    return as(user).get().uri("/api/v1/tasks?size=500").retrieve().body(String.class);
  }
}
