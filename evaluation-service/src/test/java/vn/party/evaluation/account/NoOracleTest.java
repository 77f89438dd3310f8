package vn.party.evaluation.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.pages.PageSession;

/**
 * Issue 12, item 6: whoever may not read a member's evaluation, a collective or a member gets one answer whether or
 * not it exists (a 404 told another member whether someone had an evaluation that year).
 */
class NoOracleTest extends EvaluationFlowSupport {

  private static final int YEAR = 2093;
  private static final int NO_CAMPAIGN = 1999;
  private static boolean launched;

  private void launchOnce() {
    if (!launched) {
      launchedCampaign(YEAR);
      launched = true;
    }
  }

  private ResponseEntity<String> get(String user, String path) {
    return as(user).get().uri(path).retrieve().toEntity(String.class);
  }

  /** Status and body alike, but for the path the problem names as its instance. */
  private static void sameAnswer(ResponseEntity<String> a, ResponseEntity<String> b, String what) {
    assertThat(b.getStatusCode().value()).as(what).isEqualTo(a.getStatusCode().value());
    assertThat(json(b.getBody()).get("detail")).as(what).isEqualTo(json(a.getBody()).get("detail"));
    assertThat(json(b.getBody()).get("title")).as(what).isEqualTo(json(a.getBody()).get("title"));
  }

  @Test
  void anotherMemberCannotTellWhetherAMemberHasAnEvaluationThatYear() throws Exception {
    launchOnce();
    for (String suffix : new String[] {"", "/history", "/self-review"}) {
      ResponseEntity<String> exists =
          get("member2", "/api/v1/evaluations/" + YEAR + "/member1" + suffix);
      ResponseEntity<String> none =
          get("member2", "/api/v1/evaluations/" + NO_CAMPAIGN + "/member1" + suffix);
      ResponseEntity<String> nobody =
          get("member2", "/api/v1/evaluations/" + YEAR + "/no-such-member" + suffix);
      assertThat(exists.getStatusCode().value()).as(suffix).isEqualTo(403);
      sameAnswer(exists, none, "no evaluation that year " + suffix);
      sameAnswer(exists, nobody, "no such member " + suffix);
    }
    // the branch committee of another branch alike; whoever may read learns that there is none
    sameAnswer(
        get("secretary2", "/api/v1/evaluations/" + YEAR + "/member1"),
        get("secretary2", "/api/v1/evaluations/" + NO_CAMPAIGN + "/member1"),
        "another branch");
    assertThat(
            get("secretary1", "/api/v1/evaluations/" + NO_CAMPAIGN + "/member1")
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            get("member1", "/api/v1/evaluations/" + NO_CAMPAIGN + "/member1")
                .getStatusCode()
                .value())
        .isEqualTo(404);

    PageSession member2 = PageSession.of(port, "member2");
    for (String path :
        new String[] {"/app/evaluations/%d/member1", "/app/evaluations/%d/member1.pdf"}) {
      HttpResponse<String> exists = member2.get(String.format(path, YEAR));
      HttpResponse<String> none = member2.get(String.format(path, NO_CAMPAIGN));
      assertThat(exists.statusCode()).as(path).isEqualTo(403);
      assertThat(none.statusCode()).as(path).isEqualTo(403);
      assertThat(message(none.body())).as(path).isEqualTo(message(exists.body())).isNotEmpty();
    }
  }

  @Test
  void collectivesAndMembersAnswerAlikeWhetherTheyExistOrNot() {
    sameAnswer(
        get("secretary2", "/api/v1/collectives/" + NO_CAMPAIGN + "/thanh-khe-tay-cb1"),
        get("secretary2", "/api/v1/collectives/" + NO_CAMPAIGN + "/no-such-unit"),
        "collectives");
    assertThat(
            get("secretary2", "/api/v1/collectives/" + NO_CAMPAIGN + "/thanh-khe-tay-cb1")
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            get("committee", "/api/v1/collectives/" + NO_CAMPAIGN + "/thanh-khe-tay-cb1")
                .getStatusCode()
                .value())
        .isEqualTo(404);

    ResponseEntity<String> member = get("member2", "/api/v1/members/member1");
    assertThat(member.getStatusCode().value()).isEqualTo(403);
    sameAnswer(member, get("member2", "/api/v1/members/no-such-member"), "members");
    assertThat(get("auditor", "/api/v1/members/no-such-member").getStatusCode().value())
        .isEqualTo(404);
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    return as(user)
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(String.class);
  }

  /**
   * Issue 12, outsiders' recheck: adjustments, movements and tasks answered 404 for an unknown id and 403 for another's
   * real one. Now one answer for a person who may not see it; whoever may (an administrator, the member's committee)
   * still learns with a 404 that there is none.
   */
  @Test
  void adjustmentsMovementsAndTasksAnswerAlikeWhetherTheyExistOrNot() {
    launchOnce();
    String adjust = "{\"level\":\"GOOD\",\"reason\":\"Điều chỉnh theo chỉ tiêu\"}";
    ResponseEntity<String> realAdjustment =
        post("member2", "/api/v1/evaluations/" + YEAR + "/member1/adjustments", adjust);
    assertThat(realAdjustment.getStatusCode().value()).isEqualTo(403);
    sameAnswer(
        realAdjustment,
        post("member2", "/api/v1/evaluations/" + NO_CAMPAIGN + "/member1/adjustments", adjust),
        "adjustment, no evaluation that year");
    sameAnswer(
        realAdjustment,
        post("member2", "/api/v1/evaluations/" + YEAR + "/no-such-member/adjustments", adjust),
        "adjustment, no such member");
    assertThat(
            post("committee", "/api/v1/evaluations/" + NO_CAMPAIGN + "/member1/adjustments", adjust)
                .getStatusCode()
                .value())
        .isEqualTo(404);

    ResponseEntity<String> realMovements = get("member2", "/api/v1/members/member1/movements");
    assertThat(realMovements.getStatusCode().value()).isEqualTo(403);
    sameAnswer(
        realMovements, get("member2", "/api/v1/members/no-such-member/movements"), "movements");
    String move = "{\"kind\":\"TRANSFER_OUT\",\"reason\":\"Chuyển sinh hoạt\"}";
    ResponseEntity<String> realMove = post("member2", "/api/v1/members/member1/movements", move);
    assertThat(realMove.getStatusCode().value()).isEqualTo(403);
    sameAnswer(
        realMove,
        post("member2", "/api/v1/members/no-such-member/movements", move),
        "recording a movement");
    assertThat(get("admin", "/api/v1/members/no-such-member/movements").getStatusCode().value())
        .isEqualTo(404);

    String task = taskOf("member1", "self-review", "member1", YEAR);
    for (String action : new String[] {"/claim", "/complete"}) {
      ResponseEntity<String> real = post("member2", "/api/v1/tasks/" + task + action, "{}");
      assertThat(real.getStatusCode().value()).as(action).isEqualTo(403);
      sameAnswer(
          real, post("member2", "/api/v1/tasks/no-such-task" + action, "{}"), "task " + action);
    }
    assertThat(post("admin", "/api/v1/tasks/no-such-task/claim", "{}").getStatusCode().value())
        .isEqualTo(404);
  }

  /** The page's message (the rest differs by the CSRF token of the sign-out form). */
  private static String message(String html) {
    int at = html.indexOf("id=\"error-message\"");
    return at < 0 ? "" : html.substring(at, html.indexOf("</p>", at));
  }
}
