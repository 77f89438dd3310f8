package vn.party.evaluation.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;

/**
 * A second submission of one's own task (a double click, two tabs) is told the task is already submitted (409), not
 * that the person has no right to it (ninth session's outsider, finding 6); anybody else still gets the one answer
 * for a task they cannot see (403), whether it exists or not.
 */
class SecondSubmissionTest extends EvaluationFlowSupport {

  private static final int YEAR = 2070;

  @Test
  void theSecondSubmissionOfOnesOwnTaskIsToldItIsAlreadySubmitted() {
    launchedCampaign(YEAR);
    String selfReview = taskOf("member1", "self-review", "member1", YEAR);
    completeOk("member1", selfReview, selfCriticism("GOOD"));

    ResponseEntity<String> again = complete("member1", selfReview, selfCriticism("GOOD"));
    assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(409);
    assertThat(json(again.getBody()).get("detail").asText())
        .isEqualTo("Bạn đã gửi công việc này rồi: kết quả đã được ghi nhận, không cần gửi lại.");

    ResponseEntity<String> someoneElse = complete("member2", selfReview, selfCriticism("GOOD"));
    assertThat(someoneElse.getStatusCode().value()).as(someoneElse.getBody()).isEqualTo(403);
  }
}
