package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.party.evaluation.EvaluationFlowSupport;

/**
 * The engine REST API's error answers (issue 12, outsider's findings 2 and 3). Before: as member3, a message to
 * another member's evaluation answered 403 naming its process instance id and an unknown business key 400; another
 * member's process-instance variables 403 and an unknown id 500 — an oracle for who has a running evaluation. And
 * bad input answered 500 with the engine's or Jackson's text (a variable's data its declared type cannot read,
 * deleting a process's task, a signal to an execution that waits for none, an unknown process instance).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRestAnswersTest extends EvaluationFlowSupport {

  /** A year no other test uses. */
  private static final int YEAR = 2055;

  private static final List<String> DOORS = List.of("/engine-rest", "/engine-rest/engine/default");
  private static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";
  private static final String WEBAPP = "/camunda/api/engine/engine/default";

  private Http http;
  private String member10;

  @BeforeAll
  void campaign() {
    http = new Http(port);
    launchedCampaign(YEAR);
    member10 =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(YEAR + ":member10")
            .processDefinitionKey("member-evaluation")
            .singleResult()
            .getId();
  }

  @Test
  void aStrangerGetsOneAnswerForAnotherMembersCaseAndForNoneAndNoId() {
    for (String door : DOORS) {
      HttpResponse<String> other = message(door, YEAR + ":member10");
      HttpResponse<String> none = message(door, YEAR + ":nobody");
      assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
      assertThat(none.statusCode()).as(none.body()).isEqualTo(403);
      assertThat(other.body()).isEqualTo(none.body()).doesNotContain(member10);

      HttpResponse<String> variables =
          http.get(door + "/process-instance/" + member10 + "/variables", "member3");
      HttpResponse<String> unknown =
          http.get(door + "/process-instance/" + UNKNOWN + "/variables", "member3");
      assertThat(variables.statusCode()).as(variables.body()).isEqualTo(403);
      assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(403);
      assertThat(variables.body()).isEqualTo(unknown.body()).doesNotContain(member10);
    }
    // the administrator is told what is missing, still without the engine's text
    HttpResponse<String> unknown =
        http.get("/engine-rest/process-instance/" + UNKNOWN + "/variables", "admin");
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    assertThat(unknown.body()).doesNotContain(UNKNOWN, "doesn't exist");
  }

  @Test
  void badInputGetsA4xxProblemWithoutInternalTextNotA500() {
    String task = taskOf("member10", "self-review", "member10", YEAR);
    for (String door : DOORS) {
      String boundary = "b0undary";
      String multipart =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x\"\r\n"
              + "Content-Type: application/json\r\n\r\nnot json {\r\n--"
              + boundary
              + "\r\n"
              + "Content-Disposition: form-data; name=\"type\"\r\n\r\njava.lang.String\r\n--"
              + boundary
              + "--\r\n";
      assertBadInput(
          http.send(
              "POST",
              door + "/process-instance/" + member10 + "/variables/probe/data",
              "admin",
              "multipart/form-data; boundary=" + boundary,
              multipart.getBytes(StandardCharsets.UTF_8)),
          door + " variable data");
      assertBadInput(
          http.send(
              "POST",
              door + "/task/" + task + "/variables/probe/data",
              "member10",
              "multipart/form-data; boundary=" + boundary,
              multipart.getBytes(StandardCharsets.UTF_8)),
          door + " task variable data");
      assertBadInput(
          http.send("DELETE", door + "/task/" + task, "admin", null, (byte[]) null),
          door + " delete a process's task");
      assertBadInput(
          http.send(
              "POST",
              door + "/signal",
              "admin",
              "application/json",
              "{\"name\":\"no-such-signal\",\"executionId\":\"" + member10 + "\"}"),
          door + " signal");
      assertBadInput(
          http.get(door + "/process-instance/" + UNKNOWN + "/variables", "admin"),
          door + " unknown instance");
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(member10).count())
        .isEqualTo(1);
    assertThat(runtimeService.getVariable(member10, "probe")).isNull();
  }

  /**
   * Issue 12, finding 9: Tasklist's copy of the engine API answered 403 naming another member's process instance,
   * and 500 {@code NullValueException} for an unknown one. Now the same answer as {@code /engine-rest}: one 403 for
   * both, naming nothing but who asked; no 5xx; the administrator is told "not found" without the engine's text.
   */
  @Test
  void tasklistsEngineApiGivesTheSameAnswersAsTheEngineRestApi() {
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.signIn("member3", "tasklist")).isEqualTo(200);
    HttpResponse<String> other =
        tasklist.send("GET", WEBAPP + "/process-instance/" + member10 + "/variables", null, null);
    HttpResponse<String> unknown =
        tasklist.send("GET", WEBAPP + "/process-instance/" + UNKNOWN + "/variables", null, null);
    assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(403);
    assertThat(other.body())
        .isEqualTo(unknown.body())
        .doesNotContain(member10, "ProcessInstance", "READ");
    HttpResponse<String> message =
        tasklist.send(
            "POST",
            WEBAPP + "/message",
            "application/json",
            "{\"messageName\":\"residence-feedback-received\",\"businessKey\":\""
                + YEAR
                + ":member10\"}");
    assertThat(message.statusCode()).as(message.body()).isEqualTo(403);
    assertThat(message.body()).isEqualTo(unknown.body());

    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.signIn("admin", "cockpit")).isEqualTo(200);
    HttpResponse<String> missing =
        cockpit.send("GET", WEBAPP + "/process-instance/" + UNKNOWN + "/variables", null, null);
    assertThat(missing.statusCode()).as(missing.body()).isEqualTo(404);
    assertThat(missing.body()).doesNotContain(UNKNOWN, "doesn't exist", "Exception");
  }

  /**
   * Issue 12, finding 9: a broken body got Jackson's text naming the engine's classes ({@code CompleteTaskDto},
   * {@code LinkedHashMap}), and an unknown task id got 404 "Cannot find task" where a real one got 400: the
   * difference told whether a task id exists. Now a broken body is the same 400 without internal text whether the
   * task exists or not, and an unknown task is the same 403 as another's, at every door.
   */
  @Test
  void aBrokenBodyGetsOneAnswerWithoutJacksonTextAndAnUnknownTaskIsNotAnOracle() {
    String own = taskOf("member10", "self-review", "member10", YEAR);
    String broken = "{\"variables\":{\"x\":{\"value\":\"Gi";
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.signIn("member10", "tasklist")).isEqualTo(200);
    for (String door : List.of("/engine-rest", "/engine-rest/engine/default", WEBAPP)) {
      for (String action : List.of("submit-form", "complete")) {
        HttpResponse<String> real = send(tasklist, door, "/task/" + own + "/" + action, broken);
        HttpResponse<String> none = send(tasklist, door, "/task/" + UNKNOWN + "/" + action, broken);
        assertBadInput(real, door + " " + action + " broken body");
        assertThat(real.statusCode()).as(door).isEqualTo(400);
        assertThat(none.statusCode()).as(door + " unknown task: " + none.body()).isEqualTo(400);
        assertThat(none.body()).isEqualTo(real.body());
        assertThat(real.body()).doesNotContain("CompleteTaskDto", "LinkedHashMap", "end-of-input");
      }
      HttpResponse<String> unknownTask =
          send(tasklist, door, "/task/" + UNKNOWN + "/complete", "{}");
      assertThat(unknownTask.statusCode()).as(door + ": " + unknownTask.body()).isEqualTo(403);
      assertThat(unknownTask.body()).doesNotContain(UNKNOWN, "Cannot find task");
    }
    assertThat(taskOf("member10", "self-review", "member10", YEAR)).isEqualTo(own);
  }

  /**
   * Issue 12, outsiders' recheck (LOW): a NUL in a query parameter ({@code /engine-rest/task?name=%00}, both path
   * forms), {@code maxResults=-5} and {@code firstResult=-1}, and adding the same membership twice answered 500. Now
   * a 400 naming the parameter and the reason, or a 409, as problems without the engine's or the database's text.
   */
  @Test
  void databaseRefusalsOfBadInputAreA400Or409NamingTheParameterNotA500() {
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.signIn("member10", "tasklist")).isEqualTo(200);
    for (String door : List.of("/engine-rest", "/engine-rest/engine/default", WEBAPP)) {
      for (String[] query :
          new String[][] {
            {"/task?name=%00", "name", "control-characters"},
            {"/task?nameLike=a%00b&maxResults=5", "nameLike", "control-characters"},
            {"/task?maxResults=-5", "maxResults", "out-of-range"},
            {"/task?firstResult=-1&maxResults=10", "firstResult", "out-of-range"},
            {"/task/count?maxResults=x", "maxResults", "not-a-number"},
            {"/process-instance?businessKey=%E2%80%AE1", "businessKey", "invalid-characters"}
          }) {
        HttpResponse<String> answer =
            door.equals(WEBAPP)
                ? tasklist.send("GET", door + query[0], null, null)
                : http.get(door + query[0], "member10");
        assertBadInput(answer, door + query[0]);
        assertThat(answer.statusCode()).as(door + query[0]).isEqualTo(400);
        assertThat(json(answer.body()).at("/errors/0/field").asText()).isEqualTo(query[1]);
        assertThat(json(answer.body()).at("/errors/0/reason").asText()).isEqualTo(query[2]);
      }
      // the same text in a query's JSON body reaches the database: still a 400, not a 500
      HttpResponse<String> body =
          door.equals(WEBAPP)
              ? tasklist.send("POST", door + "/task", "application/json", "{\"name\":\"a\\u0000\"}")
              : http.send(
                  "POST",
                  door + "/task",
                  "member10",
                  "application/json",
                  "{\"name\":\"a\\u0000\"}");
      assertBadInput(body, door + " query body with a NUL");
      assertThat(body.statusCode()).as(door + ": " + body.body()).isEqualTo(400);
    }
    // an ordinary query still answers
    assertThat(http.get("/engine-rest/task?maxResults=5&firstResult=0", "member10").statusCode())
        .isEqualTo(200);

    String group = "probe-" + YEAR;
    HttpResponse<String> created =
        http.send(
            "POST",
            "/engine-rest/group/create",
            "admin",
            "application/json",
            "{\"id\":\"" + group + "\",\"name\":\"Nhóm thử\",\"type\":\"TEST\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    try {
      String membership = "/engine-rest/group/" + group + "/members/member10";
      HttpResponse<String> first = http.send("PUT", membership, "admin", null, (byte[]) null);
      assertThat(first.statusCode()).as(first.body()).isEqualTo(204);
      HttpResponse<String> second = http.send("PUT", membership, "admin", null, (byte[]) null);
      assertBadInput(second, "the same membership twice");
      assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
      assertThat(second.body()).doesNotContain("duplicate key", "ACT_ID", "act_id");
    } finally {
      http.send("DELETE", "/engine-rest/group/" + group, "admin", null, (byte[]) null);
    }
  }

  /** What no engine REST answer to bad input may show: a Java class or package name, a stack frame, SQL. */
  static final Pattern INTERNALS =
      Pattern.compile(
          "java\\.|javax\\.|jakarta\\.|org\\.camunda|com\\.fasterxml|org\\.apache|org\\.glassfish"
              + "|org\\.postgresql|[Ee]xception|\\bat [a-z]+\\.[a-z]+\\.[a-z]"
              + "|\\b(?:select|SELECT)\\b.*\\b(?:from|FROM)\\b|\\b(?:act|ACT)_[a-zA-Z]{2}_");

  /**
   * Issue 12, finding 11 (LOW): the engine REST API's 400s for bad input carried the engine's text, with Java class
   * names ("Cannot convert value 'x' of type 'Integer' to java type java.lang.Integer", "Unsupported value type",
   * "Cannot set query parameter 'dueAfter' to value 'yesterday'", Jackson's parser text), and named the parameter or
   * variable only inside that text, if at all. Now each is the /api/v1 problem: 400, a title and a detail in the
   * request's language, the parameter or variable named in {@code errors[].field} with a reason, no internal text;
   * at both URL forms and Tasklist's copy of the API.
   */
  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("badInputs")
  void badInputIsAProblemNamingTheParameterWithoutInternalText(
      String door, String method, String path, String body, String field, String reason) {
    String user = path.contains("/variables/") ? "admin" : "member10";
    String target =
        door
            + path.replace("{task}", taskOf("member10", "self-review", "member10", YEAR))
                .replace("{unknown}", UNKNOWN);
    HttpResponse<String> answer;
    if (door.equals(WEBAPP)) {
      WebappSession tasklist = new WebappSession(port);
      assertThat(tasklist.signIn(user, user.equals("admin") ? "cockpit" : "tasklist"))
          .isEqualTo(200);
      answer = tasklist.send(method, target, body == null ? null : "application/json", body);
    } else {
      answer =
          http.send(
              method,
              target,
              user,
              body == null ? null : "application/json",
              body == null ? null : body.getBytes(StandardCharsets.UTF_8),
              null);
    }
    String what = method + " " + target + " " + body + ": " + answer.body();
    assertThat(answer.statusCode()).as(what).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .as(what)
        .startsWith("application/problem+json");
    assertThat(INTERNALS.matcher(answer.body()).find()).as(what).isFalse();
    JsonNode problem = json(answer.body());
    assertThat(problem.path("status").asInt()).as(what).isEqualTo(400);
    assertThat(problem.path("title").asText()).as(what).isNotBlank();
    // Vietnamese when no language is asked for, as /api/v1
    assertThat(problem.path("detail").asText())
        .as(what)
        .isEqualTo(reason.equals("malformed") ? VIETNAMESE_MALFORMED : VIETNAMESE_INVALID);
    List<String> named = new ArrayList<>();
    StreamSupport.stream(problem.path("errors").spliterator(), false)
        .forEach(e -> named.add(e.path("field").asText() + ":" + e.path("reason").asText()));
    assertThat(named).as(what).contains(field + ":" + reason);
    JsonNode error =
        StreamSupport.stream(problem.path("errors").spliterator(), false)
            .filter(e -> e.path("field").asText().equals(field))
            .findFirst()
            .orElseThrow();
    if (!reason.equals("malformed")) {
      // a parameter or body field by its label, its name after it; a variable as such
      String named_ =
          field.contains(".") ? "“" + field.substring(field.indexOf('.') + 1) + "”" : field;
      assertThat(error.path("message").asText()).as(what).contains(named_);
      assertThat(error.path("message").asText()).as(what).doesNotContain("Trường " + field + " ");
      // what Tasklist shows (the engine's "message") names it too
      assertThat(problem.path("message").asText()).as(what).contains(named_);
    }
  }

  private static final String VIETNAMESE_INVALID =
      "Dữ liệu không hợp lệ, vui lòng kiểm tra các trường được nêu.";
  private static final String VIETNAMESE_MALFORMED =
      "Nội dung yêu cầu không đọc được (không phải JSON hợp lệ).";

  static Stream<Arguments> badInputs() {
    String[][] cases = {
      // query strings: paging, sorting, dates, booleans, numbers, variable filters
      {"GET", "/task?firstResult=x", null, "firstResult", "not-a-number"},
      {"GET", "/task?maxResults=-1", null, "maxResults", "out-of-range"},
      {"GET", "/task?sortBy=bogus&sortOrder=asc", null, "sortBy", "invalid"},
      {"GET", "/task?sortBy=created&sortOrder=up", null, "sortOrder", "invalid"},
      {"GET", "/task?sortBy=created", null, "sortOrder", "required"},
      {"GET", "/task?dueAfter=yesterday", null, "dueAfter", "invalid-format"},
      {"GET", "/task/count?createdBefore=2026-13-45", null, "createdBefore", "invalid-format"},
      {"GET", "/task?priority=high", null, "priority", "not-a-number"},
      {"GET", "/process-definition?version=x", null, "version", "not-a-number"},
      {"GET", "/process-instance?suspended=maybe", null, "suspended", "not-a-flag"},
      {"GET", "/task?processVariables=a_eq", null, "processVariables", "invalid-format"},
      // bodies: variables of a type their value is not, of no type at all
      {
        "POST",
        "/message",
        "{\"messageName\":\"no-such-message\",\"processVariables\":"
            + "{\"a\":{\"value\":\"x\",\"type\":\"Integer\"}}}",
        "processVariables.a",
        "wrong-type"
      },
      {
        "POST",
        "/message",
        "{\"messageName\":\"no-such-message\",\"processVariables\":"
            + "{\"b\":{\"value\":\"1\",\"type\":\"String\"},\"a\":{\"value\":\"x\",\"type\":\"Bogus\"}}}",
        "processVariables.a",
        "unknown-type"
      },
      {
        "POST",
        "/task/{task}/complete",
        "{\"variables\":{\"a\":{\"value\":\"yesterday\",\"type\":\"Date\"}}}",
        "variables.a",
        "wrong-type"
      },
      {
        "PUT",
        "/process-instance/{unknown}/variables/a",
        "{\"value\":\"x\",\"type\":\"Long\"}",
        "a",
        "wrong-type"
      },
      // JSON that is not JSON, and JSON of the wrong shape
      {"POST", "/message", "{\"messageName\":", "body", "malformed"},
      {"POST", "/message", "{\"messageName\":[\"a\"]}", "messageName", "wrong-type"},
      {"POST", "/message", "{\"processVariables\":[1]}", "processVariables", "wrong-type"},
      {"POST", "/task", "{\"dueAfter\":\"yesterday\"}", "dueAfter", "invalid-format"},
    };
    List<Arguments> arguments = new ArrayList<>();
    for (String door : List.of("/engine-rest", "/engine-rest/engine/default", WEBAPP)) {
      for (String[] c : cases) {
        arguments.add(Arguments.of(door, c[0], c[1], c[2], c[3], c[4]));
      }
    }
    return arguments.stream();
  }

  /** The same problem in English when English is asked for, naming the same parameter. */
  @Test
  void badInputIsAnsweredInTheRequestsLanguage() {
    HttpResponse<String> english =
        http.send("GET", "/engine-rest/task?dueAfter=yesterday", "member10", null, null, "en");
    assertThat(english.statusCode()).as(english.body()).isEqualTo(400);
    JsonNode problem = json(english.body());
    assertThat(problem.path("detail").asText()).isNotEqualTo(VIETNAMESE_INVALID).contains("field");
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("dueAfter");
    assertThat(problem.at("/errors/0/message").asText())
        .isEqualTo(
            "Due after (dueAfter) has the wrong format: expected a date and time as"
                + " yyyy-MM-dd'T'HH:mm:ss.SSSZ, e.g. 2026-12-10T17:00:00.000+0700.");
  }

  /**
   * Twelfth session's outsider, LOW 12: engine REST's own refusals outside a completion named the field raw
   * ("Trường firstResult phải là một số.") and said nothing of what was expected. Each now names the field by its label
   * and says what was expected, as /api/v1 does: in Vietnamese, in English when asked.
   */
  @Test
  void ownRefusalsNameTheFieldByItsLabelAndSayWhatWasExpected() {
    assertThat(firstMessage(http.get("/engine-rest/task?firstResult=abc", "member10")))
        .isEqualTo(
            "Trường Vị trí bắt đầu của danh sách (firstResult) phải là một số nguyên từ 0 trở"
                + " lên.");
    assertThat(firstMessage(http.get("/engine-rest/engine/default/task?maxResults=-1", "member10")))
        .isEqualTo("Trường Số kết quả tối đa (maxResults) phải từ 0 trở lên.");
    assertThat(firstMessage(http.get("/engine-rest/task?dueAfter=yesterday", "member10")))
        .isEqualTo(
            "Trường Hạn sau thời điểm (dueAfter) sai định dạng: cần một thời điểm dạng"
                + " năm-tháng-ngàyTgiờ:phút:giây.mili giây+múi giờ (yyyy-MM-dd'T'HH:mm:ss.SSSZ),"
                + " ví dụ 2026-12-10T17:00:00.000+0700.");
    assertThat(firstMessage(http.get("/engine-rest/task?sortBy=created&sortOrder=up", "member10")))
        .isEqualTo(
            "Trường Thứ tự sắp xếp (sortOrder) không hợp lệ: cần asc (tăng dần) hoặc desc (giảm"
                + " dần).");
    assertThat(
            firstMessage(
                http.send(
                    "POST",
                    "/engine-rest/message",
                    "member10",
                    "application/json",
                    "{\"messageName\":\"no-such-message\",\"processVariables\":"
                        + "{\"a\":{\"value\":\"x\",\"type\":\"Integer\"}}}")))
        .isEqualTo("Trường biến “a” sai kiểu dữ liệu: cần một số nguyên, không có dấu ngoặc kép.");
    assertThat(
            firstMessage(
                http.send(
                    "POST",
                    "/engine-rest/message",
                    "member10",
                    "application/json",
                    "{\"messageName\":\"no-such-message\",\"processVariables\":"
                        + "{\"a\":{\"value\":\"x\",\"type\":\"Bogus\"}}}")))
        .isEqualTo(
            "Trường biến “a” có kiểu dữ liệu không được hỗ trợ: cần một trong các kiểu String,"
                + " Boolean, Integer, Short, Long, Double, Date hoặc Null.");
    assertThat(
            firstMessage(
                http.send(
                    "POST",
                    "/engine-rest/message",
                    "member10",
                    "application/json",
                    "{\"messageName\":[\"a\"]}")))
        .isEqualTo(
            "Trường Tên thông điệp (messageName) sai kiểu dữ liệu: cần một đoạn văn bản trong"
                + " dấu ngoặc kép.");
    assertThat(
            firstMessage(
                http.send(
                    "GET", "/engine-rest/task?firstResult=abc", "member10", null, null, "en")))
        .isEqualTo("First result of the list (firstResult) must be a whole number from 0 up.");
  }

  private static String firstMessage(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    return json(answer.body()).at("/errors/0/message").asText();
  }

  private HttpResponse<String> send(WebappSession tasklist, String door, String path, String body) {
    return door.equals(WEBAPP)
        ? tasklist.send("POST", door + path, "application/json", body)
        : http.send("POST", door + path, "member10", "application/json", body);
  }

  private HttpResponse<String> message(String door, String businessKey) {
    return http.send(
        "POST",
        door + "/message",
        "member3",
        "application/json",
        "{\"messageName\":\"residence-feedback-received\",\"businessKey\":\""
            + businessKey
            + "\"}");
  }

  private static void assertBadInput(HttpResponse<String> response, String what) {
    assertThat(response.statusCode()).as(what + ": " + response.body()).isBetween(400, 499);
    assertThat(response.body())
        .as(what)
        .contains("\"status\":" + response.statusCode())
        .doesNotContain("Exception", "jackson", "Unrecognized token", "java.lang", "doesn't exist");
  }
}
