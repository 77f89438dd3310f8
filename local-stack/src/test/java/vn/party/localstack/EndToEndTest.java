package vn.party.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.party.evaluation.client.ApiClient;
import vn.party.evaluation.client.ApiException;
import vn.party.evaluation.client.api.DomainApi;
import vn.party.evaluation.client.model.CampaignView;
import vn.party.evaluation.client.model.CreateCampaignRequest;
import vn.party.evaluation.client.model.EvaluationView;
import vn.party.evaluation.client.model.FieldProblem;
import vn.party.evaluation.client.model.ProblemDetail;
import vn.party.evaluation.client.model.TaskView;

/**
 * The whole system as it runs in production, on real parts: PostgreSQL, a Kafka broker and an SMTP server
 * (embedded, but the real thing), and the two service jars started as separate processes. One member goes
 * through every step over HTTP — including a return to the branch and a residence-area comment from Kafka. Then a
 * whole campaign under each regulation, with the demo's secretaries heading their units as in the local run.
 */
class EndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int YEAR = 2026;
  private static final String MEMBER = "member3";
  private static final Duration POLL = Duration.ofMillis(100);
  private static final String COMPLAINT_WINDOW = "PT20S";

  private static LocalInfrastructure infra;
  private static ServiceProcess evaluation;
  private static ServiceProcess notification;
  private static String evaluationUrl;
  private static String notificationUrl;

  @BeforeAll
  static void startSystem() {
    ServiceJars jars = ServiceJars.locate();
    infra = LocalInfrastructure.startForTests();
    Path logs = jars.repositoryRootPath().resolve("local-stack/target/e2e-logs");
    int evaluationPort = LocalInfrastructure.freePort();
    evaluationUrl = "http://localhost:" + evaluationPort;
    evaluation =
        LocalStack.evaluationService(
                infra, jars.jar(ServiceJars.EVALUATION_SERVICE), evaluationPort, true)
            .property("evaluation.outbox.poll-interval-ms", 100)
            // as in the local run (LocalStack): member1, member6, member11 head their branches,
            // member2 the organization
            .property("evaluation.demo.unit-heads", true)
            // the complaint window closes by itself, soon: nobody may run its timer sooner (issue
            // 12, the timer-job door), so the window is short here and the job executor looks for
            // due timers every few seconds
            .property("evaluation.rules.complaint-window", COMPLAINT_WINDOW)
            .property("camunda.bpm.job-execution.max-wait", 3000)
            .logDir(logs)
            .start()
            .awaitHealthy(Duration.ofMinutes(4));
    int notificationPort = LocalInfrastructure.freePort();
    notificationUrl = "http://localhost:" + notificationPort;
    notification =
        LocalStack.notificationService(
                infra, jars.jar(ServiceJars.NOTIFICATION_SERVICE), notificationPort, evaluationUrl)
            .logDir(logs)
            .start()
            .awaitHealthy(Duration.ofMinutes(4));
  }

  /**
   * Issue 16: every event evaluation-service published during these runs keeps the published contract — the
   * envelope with its dataschema, the data against its type's schema (docs/asyncapi) — and every dataschema URL
   * is served. Checked before the system stops; a broken contract fails the class.
   */
  @AfterAll
  static void stopSystem() {
    try {
      everyPublishedEventKeepsTheContract();
    } finally {
      stopProcesses();
    }
  }

  private static void everyPublishedEventKeepsTheContract() {
    if (infra == null || evaluation == null) {
      return;
    }
    EventContract contract = new EventContract(ServiceJars.locate().repositoryRootPath());
    List<JsonNode> events = readAll(LocalInfrastructure.TOPIC_EVALUATION_EVENTS);
    List<String> problems = new ArrayList<>();
    events.forEach(event -> problems.addAll(contract.problems(event)));
    events.stream()
        .map(event -> event.path("dataschema").asText())
        .distinct()
        .forEach(
            url -> {
              int status = get(url, null).statusCode();
              if (status != 200) {
                problems.add("dataschema " + url + " answered " + status);
              }
            });
    assertThat(events)
        .as("events read from " + LocalInfrastructure.TOPIC_EVALUATION_EVENTS)
        .hasSizeGreaterThan(50);
    assertThat(problems).as("events against docs/asyncapi").isEmpty();
  }

  private static void stopProcesses() {
    if (notification != null) {
      notification.stop();
    }
    if (evaluation != null) {
      evaluation.stop();
    }
    if (infra != null) {
      infra.close();
    }
  }

  @Test
  void aMemberIsEvaluatedEndToEnd() throws Exception {
    // the grassroots committee opens the year's campaign
    HttpResponse<String> opened =
        post(
            evaluationUrl + "/api/v1/campaigns",
            "committee",
            CampaignRequest.of("thanh-khe-tay", YEAR, "QD-366-2025"));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String campaignId = json(opened.body()).get("id").asText();

    // the member signs in to Tasklist and gets the Vietnamese self-review form
    assertTasklistShowsTheSelfReviewForm(MEMBER);

    // the member writes the self-review
    completeTask(
        "self-review",
        MEMBER,
        SelfCriticism.of(
            "GOOD",
            "strengths",
            "Hoàn thành 100% nhiệm vụ đúng hạn.",
            "limitations",
            "Còn ngại phát biểu trong sinh hoạt."));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                json(get(evaluationUrl + "/api/v1/evaluations/" + YEAR + "/" + MEMBER, MEMBER)
                        .body())
                    .get("status")
                    .asText()
                    .equals("WAITING_RESIDENCE_FEEDBACK"));

    // the residence-area committee's comment arrives on Kafka and advances the evaluation
    publishResidenceFeedback(YEAR, "Gương mẫu chấp hành quy định nơi cư trú.", MEMBER);

    // branch proposes, the committee returns it with a reason, the branch proposes again, the
    // committee approves
    completeTask("branch-review", "secretary1", BranchReview.good("Nhất trí"));
    completeTask(
        "committee-decision",
        "committee",
        Map.of(
            "decision", "RETURN", "decisionComment", "Chi bộ bổ sung ý kiến về hạn chế đã nêu."));
    completeTask(
        "branch-review",
        "secretary1",
        BranchReview.of("COMPLETED", "Đã bổ sung: còn hạn chế trong sinh hoạt.", 0, 2, 10, 0));
    completeTask(
        "committee-decision",
        "committee",
        Map.of("decision", "APPROVE", "decidedLevel", "COMPLETED"));

    // the stored result
    JsonNode result =
        json(get(evaluationUrl + "/api/v1/evaluations/" + YEAR + "/" + MEMBER, MEMBER).body());
    assertThat(result.get("status").asText()).isEqualTo("DECIDED");
    assertThat(result.at("/selfReview/level").asText()).isEqualTo("GOOD");
    assertThat(result.at("/branchReview/level").asText()).isEqualTo("COMPLETED");
    assertThat(result.at("/decision/level").asText()).isEqualTo("COMPLETED");
    assertThat(result.at("/decision/by").asText()).isEqualTo("committee");
    assertThat(result.at("/residenceFeedback/status").asText()).isEqualTo("RECEIVED");

    // the history, read by an auditor
    JsonNode history =
        json(
            get(
                    evaluationUrl + "/api/v1/evaluations/" + YEAR + "/" + MEMBER + "/history",
                    "auditor")
                .body());
    assertThat(
            StreamSupport.stream(history.spliterator(), false)
                .map(e -> e.get("kind").asText())
                .toList())
        .containsSubsequence(
            "EVALUATION_STARTED",
            "TASK_CREATED",
            "TASK_COMPLETED",
            "EVENT_RECEIVED",
            "TASK_COMPLETED",
            "TASK_COMPLETED",
            "CASE_RETURNED",
            "TASK_COMPLETED",
            "TASK_COMPLETED",
            "DECIDED");

    // the events published on Kafka
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(memberEventTypes(MEMBER))
                    .containsSubsequence(
                        "vn.party.evaluation.task.assigned",
                        "vn.party.evaluation.self-review.submitted",
                        "vn.party.evaluation.branch-review.completed",
                        "vn.party.evaluation.case.returned",
                        "vn.party.evaluation.member.decided"));

    // the e-mails received by the SMTP server: the task notice and the result, in Vietnamese, with
    // the task link
    String address = MEMBER + "@thanhkhetay.example.vn";
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              List<MimeMessage> mails = mailsTo(address, YEAR);
              assertThat(mails.stream().map(EndToEndTest::subject).toList())
                  .anyMatch(s -> s.contains("Tự kiểm điểm"))
                  .anyMatch(s -> s.contains("Đảng ủy quyết định xếp loại"));
              String taskMail =
                  mails.stream()
                      .filter(m -> subject(m).contains("Tự kiểm điểm"))
                      .map(MailboxWebServer::text)
                      .findFirst()
                      .orElseThrow();
              assertThat(taskMail).contains(evaluationUrl + "/app/tasks/");
              String resultMail =
                  mails.stream()
                      .filter(m -> subject(m).contains("Đảng ủy quyết định xếp loại"))
                      .map(MailboxWebServer::text)
                      .findFirst()
                      .orElseThrow();
              assertThat(resultMail).contains("Hoàn thành nhiệm vụ");
            });
    // a candidate-group task reaches every user of the group
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !mailsTo("secretary1@thanhkhetay.example.vn", YEAR).isEmpty());

    // the in-app notifications of the signed-in member, through notification-service with the same
    // credentials
    JsonNode notifications = json(get(notificationUrl + "/api/v1/notifications", MEMBER).body());
    assertThat(notifications.toString()).contains("Đảng ủy quyết định xếp loại năm " + YEAR);
    assertThat(get(notificationUrl + "/api/v1/notifications", null).statusCode()).isEqualTo(401);

    // the campaign's progress counts the decision
    JsonNode campaign =
        json(get(evaluationUrl + "/api/v1/campaigns/" + campaignId, "committee").body());
    assertThat(campaign.at("/progress/membersTotal").asInt()).isEqualTo(15);
    assertThat(campaign.at("/progress/membersDecided").asInt()).isEqualTo(1);
    assertThat(campaign.at("/progress/decidedByLevel/COMPLETED").asInt()).isEqualTo(1);
  }

  // --- the client generated from docs/openapi.json (issue 16)
  // ----------------------------------------------------

  /**
   * Issue 16: the Java client generated at build time from the committed docs/openapi.json (which evaluation-service's
   * ContractsServedTest keeps equal to /v3/api-docs) drives the API: the grassroots committee opens a campaign and a
   * member completes the self-review; a refusal comes back as the documented problem details. A document that
   * drifts from the API fails here.
   */
  @Test
  void theClientGeneratedFromTheOpenapiDocumentOpensACampaignAndCompletesATask() throws Exception {
    int year = 2067;
    String member = "member4";
    OffsetDateTime now = OffsetDateTime.now();
    CreateCampaignRequest request =
        new CreateCampaignRequest()
            .organizationId(ORG)
            .year(year)
            .regulation("QD-366-2025")
            .selfReviewDue(now.plusDays(10))
            .residenceFeedbackDue(now.plusDays(20))
            .branchReviewDue(now.plusDays(30))
            .decisionDue(now.plusDays(40));
    DomainApi committee = api("committee");
    CampaignView campaign = committee.openCampaign(request);
    assertThat(campaign.getYear()).isEqualTo(year);
    assertThat(campaign.getOrganizationId()).isEqualTo(ORG);

    DomainApi memberApi = api(member);
    TaskView selfReview =
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    memberApi.listMyTasks(null, null).stream()
                        .filter(
                            t ->
                                "self-review".equals(t.getTaskKey())
                                    && Integer.valueOf(year).equals(t.getYear()))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    memberApi.completeTask(
        selfReview.getId(),
        SelfCriticism.of(GOOD, "strengths", "Hoàn thành nhiệm vụ được giao đúng hạn."));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                memberApi.getEvaluation(year, member).getStatus()
                    == EvaluationView.StatusEnum.WAITING_RESIDENCE_FEEDBACK);
    assertThat(committee.getCampaign(campaign.getId()).getYear()).isEqualTo(year);

    // refusals as documented: RFC 9457 problem details, with the field and the reason
    ApiException twice =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ApiException.class, () -> committee.openCampaign(request));
    assertThat(twice.getCode()).isEqualTo(409);
    ProblemDetail conflict =
        new ApiClient().getObjectMapper().readValue(twice.getResponseBody(), ProblemDetail.class);
    assertThat(conflict.getStatus()).isEqualTo(409);
    ApiException invalid =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ApiException.class,
            () ->
                committee.openCampaign(
                    new CreateCampaignRequest().organizationId(ORG).regulation("QD-366-2025")));
    assertThat(invalid.getCode()).isEqualTo(400);
    ProblemDetail refused =
        new ApiClient().getObjectMapper().readValue(invalid.getResponseBody(), ProblemDetail.class);
    assertThat(refused.getErrors())
        .extracting(FieldProblem::getField, FieldProblem::getReason)
        .contains(org.assertj.core.groups.Tuple.tuple("year", "required"));
    ApiException anonymous =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ApiException.class, () -> api(null).listMyTasks(null, null));
    assertThat(anonymous.getCode()).isEqualTo(401);
  }

  /** The generated client, signed in as a demo user (HTTP Basic, as the document's security scheme says). */
  private static DomainApi api(String user) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(evaluationUrl);
    if (user == null) {
      return new DomainApi(client);
    }
    String credentials = user + ":" + ("admin".equals(user) ? "admin" : "demo");
    client.setRequestInterceptor(
        request ->
            request.header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
    return new DomainApi(client);
  }

  // --- a whole campaign under each regulation, a collective before its head
  // --------------------------------------

  private static final String ORG = "thanh-khe-tay";
  private static final List<String> BRANCHES = List.of(ORG + "-cb1", ORG + "-cb2", ORG + "-cb3");

  /** The heads in the local run's demo data: the first member of each branch heads it, member2 the organization. */
  private static final List<String> BRANCH_HEADS = List.of("member1", "member6", "member11");

  private static final String ORGANIZATION_HEAD = "member2";
  private static final String GOOD = "GOOD";
  private static final String COMPLETED = "COMPLETED";

  /**
   * Issue 3, "done": a campaign of the demo organization under each regulation runs from its opening to COMPLETED
   * over HTTP and Kafka only, with the rule "a collective before its head" visibly applied. Under each regulation
   * another branch is rated COMPLETED while the branch proposed GOOD for its secretary: the secretary is capped.
   */
  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource({"QD-366-2025, 2064, 1", "QD-124-2023, 2065, 2", "QD-132-2018, 2066, 3"})
  void aCampaignRunsToTheEndWithEachCollectiveRatedBeforeItsHead(
      String regulation, int year, int cappedBranch) throws Exception {
    String campaignId = launchedCampaign(year, regulation);
    assertThat(campaign(campaignId).at("/progress/decisionStage").asText()).isEqualTo("MEMBERS");
    // a comment that comes before the process asks for it is kept and picked up after the
    // self-review
    publishResidenceFeedback(
        year,
        "Gương mẫu chấp hành quy định nơi cư trú.",
        IntStream.rangeClosed(1, 15).mapToObj(n -> "member" + n).toArray(String[]::new));

    // every member writes a short self-review; each branch proposes GOOD, COMPLETED for its fourth
    // member
    for (int n = 1; n <= 15; n++) {
      String member = "member" + n;
      completeOk(member, taskOf(member, "self-review", member, year), SelfCriticism.of(GOOD));
    }
    for (int n = 1; n <= 15; n++) {
      completeOk(
          secretaryOf(n),
          taskOf(secretaryOf(n), "branch-review", "member" + n, year),
          branchProposes(proposed(n)));
    }

    // reviewed by their branches like everyone, the heads wait for the rating of the unit they head
    List<String> heads = new ArrayList<>(BRANCH_HEADS);
    heads.add(ORGANIZATION_HEAD);
    for (String head : heads) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(POLL)
          .until(() -> "WAITING_UNIT_RATING".equals(evaluation(year, head).get("status").asText()));
    }

    // the committee decides everyone else; no collective is rated before the last of them is
    // decided
    List<String> others =
        IntStream.rangeClosed(1, 15)
            .mapToObj(n -> "member" + n)
            .filter(m -> !heads.contains(m))
            .toList();
    for (String member : others) {
      if (member.equals(others.get(others.size() - 1))) {
        assertThat(collectiveRatings(year)).as("no collective rated before its members").isEmpty();
      }
      completeOk(
          "committee",
          taskOf("committee", "committee-decision", member, year),
          approve(proposed(member)));
    }
    assertThat(openTasks("committee", "committee-decision", year))
        .as("no decision on a head before the unit is rated")
        .isEmpty();

    // the branches, each while its head still waits; then the head's decision, not above the branch
    String cappedDecision = null;
    for (int b = 1; b <= 3; b++) {
      String branch = BRANCHES.get(b - 1);
      String secretary = "secretary" + b;
      String head = BRANCH_HEADS.get(b - 1);
      String level = b == cappedBranch ? COMPLETED : GOOD;
      completeOk(
          secretary,
          collectiveTaskOf(secretary, "collective-self-review", branch, year),
          collectiveSelfReview(level));
      assertThat(evaluation(year, head).get("status").asText())
          .as("%s waits for the decision on %s", head, branch)
          .isEqualTo("WAITING_UNIT_RATING");
      completeOk(
          "committee",
          collectiveTaskOf("committee", "collective-decision", branch, year),
          approveCollective(level));

      String decision = taskOf("committee", "committee-decision", head, year);
      JsonNode capped = evaluation(year, head);
      assertThat(capped.at("/levelCap/level").asText()).isEqualTo(level);
      assertThat(capped.at("/levelCap/ruleId").asText())
          .isEqualTo(
              "member-caps-"
                  + regulation
                  + "-head-unit-"
                  + level.toLowerCase(java.util.Locale.ROOT));
      if (b == cappedBranch) {
        cappedDecision = decision;
      } else {
        completeOk("committee", decision, approve(GOOD));
      }
    }
    // every branch rated: the campaign waits for the branch heads, the organization is not rated
    // before them
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(POLL)
        .until(
            () ->
                "BRANCH_HEADS".equals(campaign(campaignId).at("/progress/decisionStage").asText()));
    assertThat(collectiveRatings(year))
        .as("the organization is rated after the branch heads")
        .containsExactlyInAnyOrderElementsOf(
            BRANCHES.stream().map(b -> year + ":collective:" + b).toList());
    // the branch proposed GOOD for its secretary, above the branch's COMPLETED: refused; then
    // decided with a reason
    assertRefused(
        complete("committee", cappedDecision, approve(GOOD)), "decidedLevel", "above-cap");
    assertRefused(
        complete("committee", cappedDecision, approve(COMPLETED)),
        "decisionComment",
        "adjustment-reason-required");
    completeOk(
        "committee",
        cappedDecision,
        Map.of(
            "decision",
            "APPROVE",
            "decidedLevel",
            COMPLETED,
            "decisionComment",
            "Chi bộ hoàn thành nhiệm vụ; bí thư chi bộ không xếp cao hơn chi bộ."));

    // the organization after its branch heads, while its own head waits; nothing finalized before
    // that head
    completeOk(
        "committee",
        collectiveTaskOf("committee", "collective-self-review", ORG, year),
        collectiveSelfReview(GOOD));
    assertThat(evaluation(year, ORGANIZATION_HEAD).get("status").asText())
        .isEqualTo("WAITING_UNIT_RATING");
    completeOk(
        "district",
        collectiveTaskOf("district", "collective-decision", ORG, year),
        approveCollective(GOOD));
    String secretaryDecision = taskOf("committee", "committee-decision", ORGANIZATION_HEAD, year);
    assertThat(evaluation(year, ORGANIZATION_HEAD).at("/levelCap/ruleId").asText())
        .isEqualTo("member-caps-" + regulation + "-head-unit-good");
    assertRefused(
        complete(
            "committee",
            secretaryDecision,
            Map.of(
                "decision",
                "APPROVE",
                "decidedLevel",
                "EXCELLENT",
                "decisionComment",
                "Nâng mức.")),
        "decidedLevel",
        "above-cap");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(POLL)
        .until(() -> "ALL".equals(campaign(campaignId).at("/progress/decisionStage").asText()));
    assertThat(openTasks("committee", "finalize-results", year))
        .as("finalized only once everyone is decided")
        .isEmpty();
    completeOk("committee", secretaryDecision, approve(GOOD));

    // everyone decided: the results are finalized and announced, the complaint window closes, the
    // campaign ends
    String[] finalize = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(POLL)
        .until(
            () -> {
              List<String> tasks = openTasks("committee", "finalize-results", year);
              finalize[0] = tasks.isEmpty() ? null : tasks.get(0);
              return finalize[0] != null;
            });
    completeOk("committee", finalize[0], Map.of());
    complaintWindowClosesByItself(year);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(POLL)
        .until(() -> "COMPLETED".equals(campaign(campaignId).get("status").asText()));

    // the records: every level as decided, the capped secretary's below the branch's proposal
    String cappedHead = BRANCH_HEADS.get(cappedBranch - 1);
    for (int n = 1; n <= 15; n++) {
      String member = "member" + n;
      assertThat(evaluation(year, member).at("/decision/level").asText())
          .as(member)
          .isEqualTo(member.equals(cappedHead) ? COMPLETED : proposed(n));
    }
    JsonNode head = evaluation(year, cappedHead);
    assertThat(head.at("/branchReview/level").asText()).isEqualTo(GOOD);
    assertThat(head.at("/decision/comment").asText()).startsWith("Chi bộ hoàn thành nhiệm vụ");
    assertThat(kinds(history(year, cappedHead)))
        .containsSubsequence(
            "HEADED_UNIT_RATED", "LEVEL_CAP_APPLIED", "ABOVE_CAP_REFUSED", "DECIDED");
    for (int b = 1; b <= 3; b++) {
      assertThat(collective(year, BRANCHES.get(b - 1)).at("/decision/level").asText())
          .as(BRANCHES.get(b - 1))
          .isEqualTo(b == cappedBranch ? COMPLETED : GOOD);
    }
    JsonNode organization = collective(year, ORG);
    assertThat(organization.at("/decision/level").asText()).isEqualTo(GOOD);
    assertThat(organization.at("/decision/by").asText()).isEqualTo("district");
    // the order, as recorded: members, then the branches, then their heads, then the organization,
    // then its head
    OffsetDateTime lastMember =
        others.stream()
            .map(m -> decidedAt(evaluation(year, m)))
            .max(OffsetDateTime::compareTo)
            .orElseThrow();
    for (int b = 1; b <= 3; b++) {
      JsonNode branch = collective(year, BRANCHES.get(b - 1));
      assertThat(OffsetDateTime.parse(branch.at("/selfReview/at").asText())).isAfter(lastMember);
      assertThat(decidedAt(evaluation(year, BRANCH_HEADS.get(b - 1)))).isAfter(decidedAt(branch));
      assertThat(OffsetDateTime.parse(organization.at("/selfReview/at").asText()))
          .isAfter(decidedAt(evaluation(year, BRANCH_HEADS.get(b - 1))));
    }
    assertThat(decidedAt(evaluation(year, ORGANIZATION_HEAD))).isAfter(decidedAt(organization));
    JsonNode progress = campaign(campaignId).get("progress");
    assertThat(progress.get("membersDecided").asInt()).isEqualTo(15);
    assertThat(progress.at("/decidedByLevel/GOOD").asInt()).isEqualTo(11);
    assertThat(progress.at("/decidedByLevel/COMPLETED").asInt()).isEqualTo(4);
  }

  /** What the branch proposes for member n: COMPLETED for the fourth member of each branch, GOOD otherwise. */
  private static String proposed(int n) {
    return n % 5 == 4 ? COMPLETED : GOOD;
  }

  private static String proposed(String member) {
    return proposed(Integer.parseInt(member.substring("member".length())));
  }

  /** The secretary of member n's branch in the demo data (five members per branch). */
  private static String secretaryOf(int n) {
    return "secretary" + ((n - 1) / 5 + 1);
  }

  private static Map<String, Object> approve(String level) {
    return Map.of(
        "decision",
        "APPROVE",
        "decidedLevel",
        level,
        "quotaReason",
        "Thành tích nổi bật được chi bộ ghi nhận");
  }

  /** A collective's rating: no quota, so no reason above it (the field is not the collective form's). */
  private static Map<String, Object> approveCollective(String level) {
    return Map.of("decision", "APPROVE", "decidedLevel", level);
  }

  /** A branch proposal carried by all nine eligible voters. */
  private static Map<String, Object> branchProposes(String level) {
    Map<String, Object> values =
        new HashMap<>(
            Map.of(
                "branchProposedLevel",
                level,
                "eligibleVoters",
                9,
                "votesExcellent",
                0,
                "votesGood",
                0,
                "votesCompleted",
                0,
                "votesNotCompleted",
                0));
    values.put(
        "votes"
            + switch (level) {
              case "EXCELLENT" -> "Excellent";
              case GOOD -> "Good";
              case COMPLETED -> "Completed";
              default -> "NotCompleted";
            },
        9);
    return values;
  }

  /** A complete Mẫu 01 self-review of a collective proposing {@code level}. */
  private static Map<String, Object> collectiveSelfReview(String level) {
    return Map.of(
        "selfProposedLevel",
        level,
        "strengths",
        "Lãnh đạo hoàn thành các chỉ tiêu nghị quyết năm.",
        "limitations",
        "Sinh hoạt chuyên đề chưa đều; nguyên nhân: chưa chủ động.",
        "remedialMeasures",
        "Xây dựng kế hoạch sinh hoạt chuyên đề hằng quý.");
  }

  /** Opens the campaign as the grassroots committee and waits until every member's evaluation has started. */
  private static String launchedCampaign(int year, String regulation) throws Exception {
    HttpResponse<String> opened =
        post(
            evaluationUrl + "/api/v1/campaigns",
            "committee",
            CampaignRequest.of(ORG, year, regulation));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String id = json(opened.body()).get("id").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(POLL)
        .untilAsserted(
            () -> {
              JsonNode campaign = campaign(id);
              assertThat(campaign.at("/progress/membersStarted").asInt()).isEqualTo(15);
              assertThat(campaign.get("status").asText()).isEqualTo("RUNNING");
            });
    return id;
  }

  private static JsonNode campaign(String campaignId) {
    return json(get(evaluationUrl + "/api/v1/campaigns/" + campaignId, "committee").body());
  }

  private static JsonNode evaluation(int year, String memberId) {
    return json(
        get(evaluationUrl + "/api/v1/evaluations/" + year + "/" + memberId, "auditor").body());
  }

  private static JsonNode history(int year, String memberId) {
    return json(
        get(evaluationUrl + "/api/v1/evaluations/" + year + "/" + memberId + "/history", "auditor")
            .body());
  }

  private static List<String> kinds(JsonNode history) {
    return StreamSupport.stream(history.spliterator(), false)
        .map(e -> e.get("kind").asText())
        .toList();
  }

  private static JsonNode collective(int year, String collectiveId) {
    return json(
        get(evaluationUrl + "/api/v1/collectives/" + year + "/" + collectiveId, "auditor").body());
  }

  private static OffsetDateTime decidedAt(JsonNode evaluationOrCollective) {
    return OffsetDateTime.parse(evaluationOrCollective.at("/decision/at").asText());
  }

  /** The ids of the user's open tasks of that kind in the year's campaign. */
  private static List<String> openTasks(String user, String taskKey, int year) {
    HttpResponse<String> response = get(evaluationUrl + "/api/v1/tasks", user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(json(response.body()).spliterator(), false)
        .filter(t -> taskKey.equals(t.path("taskKey").asText()) && t.path("year").asInt() == year)
        .map(t -> t.get("id").asText())
        .toList();
  }

  /** The id of the member's open task of that kind, as the given user sees it; waits for it to appear. */
  private static String taskOf(String user, String taskKey, String memberId, int year) {
    return taskOf(user, taskKey, memberId, year, Duration.ofSeconds(30));
  }

  private static String taskOf(
      String user, String taskKey, String memberId, int year, Duration atMost) {
    String[] id = new String[1];
    await()
        .atMost(atMost)
        .pollInterval(POLL)
        .until(
            () -> {
              id[0] =
                  firstTaskId(
                      user,
                      t ->
                          taskKey.equals(t.path("taskKey").asText())
                              && memberId.equals(t.path("memberId").asText())
                              && t.path("year").asInt() == year);
              return id[0] != null;
            });
    return id[0];
  }

  /** The id of the first of the user's open tasks that {@code matches}, or null. */
  private static String firstTaskId(String user, Predicate<JsonNode> matches) {
    JsonNode tasks = json(get(evaluationUrl + "/api/v1/tasks", user).body());
    return StreamSupport.stream(tasks.spliterator(), false)
        .filter(matches)
        .map(t -> t.get("id").asText())
        .findFirst()
        .orElse(null);
  }

  /**
   * The open task of that kind in the collective's rating, as the given user sees it; waits for it to appear. The
   * rating's process instance (business key {@code year:collective:id}) is looked up in the engine REST API as admin.
   */
  private static String collectiveTaskOf(
      String user, String taskKey, String collectiveId, int year) {
    String[] id = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(POLL)
        .until(
            () -> {
              JsonNode instances =
                  json(
                      get(
                              evaluationUrl
                                  + "/engine-rest/process-instance?businessKey="
                                  + year
                                  + ":collective:"
                                  + collectiveId,
                              "admin")
                          .body());
              if (instances.size() != 1) {
                return false;
              }
              String instance = instances.get(0).get("id").asText();
              id[0] =
                  firstTaskId(
                      user,
                      t ->
                          taskKey.equals(t.path("taskKey").asText())
                              && instance.equals(t.path("processInstanceId").asText()));
              return id[0] != null;
            });
    return id[0];
  }

  /** The business keys of the year's collective ratings started so far, running or ended (engine history, as admin). */
  private static List<String> collectiveRatings(int year) {
    HttpResponse<String> response =
        get(
            evaluationUrl
                + "/engine-rest/history/process-instance?processInstanceBusinessKeyLike="
                + year
                + ":collective:%25",
            "admin");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(json(response.body()).spliterator(), false)
        .map(i -> i.get("businessKey").asText())
        .toList();
  }

  /**
   * The announcement-and-complaints phase: waits until the results are announced and the complaint window is open,
   * then until it closes by itself at its end ({@link #COMPLAINT_WINDOW} after the announcement). Nobody may run its
   * timer sooner: the administrator's try is refused (403), and the timer keeps its time.
   */
  private static void complaintWindowClosesByItself(int year) {
    String[] instance = new String[1];
    String[] job = new String[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(POLL)
        .until(
            () -> {
              JsonNode campaigns =
                  json(
                      get(
                              evaluationUrl
                                  + "/engine-rest/process-instance?processDefinitionKey="
                                  + "evaluation-campaign&businessKey="
                                  + year
                                  + ":"
                                  + ORG,
                              "admin")
                          .body());
              if (campaigns.size() != 1) {
                return false;
              }
              instance[0] = campaigns.get(0).get("id").asText();
              JsonNode jobs =
                  json(
                      get(
                              evaluationUrl
                                  + "/engine-rest/job?timers=true&activityId=complaint-window-closed"
                                  + "&processInstanceId="
                                  + instance[0],
                              "admin")
                          .body());
              job[0] = jobs.size() == 1 ? jobs.get(0).get("id").asText() : null;
              return job[0] != null;
            });
    HttpResponse<String> sooner =
        send(
            authorized(
                    HttpRequest.newBuilder(
                        URI.create(evaluationUrl + "/engine-rest/job/" + job[0] + "/execute")),
                    "admin")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    // refused while the window is open; a 404 only if the window happened to close in between
    assertThat(sooner.statusCode()).as(sooner.body()).isIn(403, 404);
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                json(get(
                                evaluationUrl
                                    + "/engine-rest/history/activity-instance?activityId="
                                    + "close-complaint-window&finished=true&processInstanceId="
                                    + instance[0],
                                "admin")
                            .body())
                        .size()
                    == 1);
  }

  private static HttpResponse<String> complete(String user, String taskId, Map<String, ?> values)
      throws IOException {
    return post(evaluationUrl + "/api/v1/tasks/" + taskId + "/complete", user, values);
  }

  private static void completeOk(String user, String taskId, Map<String, ?> values)
      throws IOException {
    HttpResponse<String> done = complete(user, taskId, values);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  /** Refused 400 with the given field and reason among the errors. */
  private static void assertRefused(HttpResponse<String> response, String field, String reason) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(
            StreamSupport.stream(json(response.body()).path("errors").spliterator(), false)
                .anyMatch(
                    e ->
                        field.equals(e.path("field").asText())
                            && reason.equals(e.path("reason").asText())))
        .as(response.body())
        .isTrue();
  }

  private static void assertTasklistShowsTheSelfReviewForm(String user) throws Exception {
    var browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String webapp = evaluationUrl + "/camunda";
    browser.send(
        HttpRequest.newBuilder(URI.create(webapp + "/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf =
        ((java.net.CookieManager) browser.cookieHandler().orElseThrow())
            .getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse("");
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(webapp + "/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String[] taskId = new String[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              JsonNode tasks =
                  json(
                      browser
                          .send(
                              HttpRequest.newBuilder(
                                      URI.create(
                                          webapp
                                              + "/api/engine/engine/default/task?assignee="
                                              + user))
                                  .header("Accept", "application/json")
                                  .build(),
                              HttpResponse.BodyHandlers.ofString())
                          .body());
              taskId[0] = tasks.size() > 0 ? tasks.get(0).get("id").asText() : null;
              return taskId[0] != null;
            });
    HttpResponse<String> form =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(
                        webapp + "/api/engine/engine/default/task/" + taskId[0] + "/deployed-form"))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertThat(form.body()).contains("selfProposedLevel", "Hoàn thành xuất sắc nhiệm vụ");
  }

  private static void completeTask(String taskKey, String user, Map<String, ?> values)
      throws Exception {
    String taskId = taskOf(user, taskKey, MEMBER, YEAR, Duration.ofSeconds(60));
    HttpResponse<String> done =
        post(evaluationUrl + "/api/v1/tasks/" + taskId + "/complete", user, values);
    assertThat(done.statusCode()).as(taskKey + ": " + done.body()).isEqualTo(204);
    // wait until the task is gone from the user's list, so the next step sees the next task
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !get(evaluationUrl + "/api/v1/tasks", user).body().contains(taskId));
  }

  /** One residence-area comment per member, as the residence-area committees' system sends them. */
  private static void publishResidenceFeedback(int year, String comment, String... memberIds)
      throws Exception {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (var producer = new KafkaProducer<String, byte[]>(config)) {
      for (String memberId : memberIds) {
        CloudEvent event =
            CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/residence/khu-dan-cu-1"))
                .withType("vn.party.member.residence-feedback")
                .withDataContentType("application/json")
                .withData(
                    JSON.writeValueAsBytes(
                        Map.of(
                            "memberId",
                            memberId,
                            "year",
                            year,
                            "comment",
                            comment,
                            "submittedBy",
                            "Chi ủy khu dân cư số 1")))
                .build();
        var record =
            new ProducerRecord<>(
                LocalInfrastructure.TOPIC_MEMBER_EVENTS,
                memberId,
                EventFormatProvider.getInstance()
                    .resolveFormat(JsonFormat.CONTENT_TYPE)
                    .serialize(event));
        record
            .headers()
            .add("content-type", JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
      }
    }
  }

  /** Every record of the topic, from the beginning, as JSON (the outbox publishes structured CloudEvents). */
  private static List<JsonNode> readAll(String topic) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-contract-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<JsonNode> events = new ArrayList<>();
    try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
      consumer.subscribe(List.of(topic));
      long end = System.currentTimeMillis() + 5000;
      while (System.currentTimeMillis() < end) {
        consumer
            .poll(Duration.ofMillis(300))
            .forEach(r -> events.add(json(new String(r.value(), StandardCharsets.UTF_8))));
      }
    }
    return events;
  }

  private static List<String> memberEventTypes(String memberId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<String> types = new ArrayList<>();
    try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
      consumer.subscribe(List.of(LocalInfrastructure.TOPIC_EVALUATION_EVENTS));
      long end = System.currentTimeMillis() + 3000;
      while (System.currentTimeMillis() < end) {
        consumer
            .poll(Duration.ofMillis(300))
            .forEach(
                r -> {
                  if (memberId.equals(r.key())) {
                    types.add(
                        json(new String(r.value(), StandardCharsets.UTF_8)).get("type").asText());
                  }
                });
      }
    }
    return types;
  }

  /** The e-mails to {@code address} about the campaign of {@code year} (their subject names it). */
  private static List<MimeMessage> mailsTo(String address, int year) {
    return List.of(infra.greenMail().getReceivedMessages()).stream()
        .filter(
            m -> {
              try {
                return m.getAllRecipients() != null
                    && List.of(m.getAllRecipients()).toString().contains(address)
                    && subject(m).contains("xếp loại " + year + "]");
              } catch (Exception e) {
                return false;
              }
            })
        .toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> get(String url, String user) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
    return send(authorized(request, user).GET().build());
  }

  private static HttpResponse<String> post(String url, String user, Map<String, ?> body)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return send(authorized(request, user).build());
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String user) {
    if (user == null) {
      return request;
    }
    String credentials = user + ":" + ("admin".equals(user) ? "admin" : "demo");
    return request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
