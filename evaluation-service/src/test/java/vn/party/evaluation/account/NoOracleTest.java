package vn.party.evaluation.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
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

  /** The page's message (the rest differs by the CSRF token of the sign-out form). */
  private static String message(String html) {
    int at = html.indexOf("id=\"error-message\"");
    return at < 0 ? "" : html.substring(at, html.indexOf("</p>", at));
  }
}
