package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.rules.Level;

/** Steps of the evaluation as its users take them over HTTP. */
public abstract class EvaluationFlowSupport extends IntegrationTestSupport {

  protected static final String ORG = "thanh-khe-tay";

  @Autowired protected ManagementService managementService;
  @Autowired protected RuntimeService runtimeService;

  /** Units, roster persons and committee seats of a test's own organization, made over the API. */
  protected UnitFixture unitFixture() {
    return new UnitFixture(this::as, jdbc);
  }

  protected ResponseEntity<String> openCampaign(
      String user, int year, OffsetDateTime residenceFeedbackDue) {
    return openCampaign(user, year, residenceFeedbackDue, "QD-366-2025");
  }

  protected ResponseEntity<String> openCampaign(
      String user, int year, OffsetDateTime residenceFeedbackDue, String regulation) {
    OffsetDateTime now = OffsetDateTime.now();
    return CampaignOpening.open(
        as(user),
        ORG,
        year,
        regulation,
        new CampaignOpening.Dues(
            now.plusDays(10), residenceFeedbackDue, now.plusDays(40), now.plusDays(50)));
  }

  /** Opens the demo organization's campaign of the year under QĐ 366 with these due dates, as that user; its id. */
  protected String openedCampaign(String user, int year, CampaignOpening.Dues dues) {
    return CampaignOpening.opened(as(user), ORG, year, "QD-366-2025", dues);
  }

  /** Opens the campaign as the grassroots committee and waits until every member's evaluation has started. */
  protected String launchedCampaign(int year) {
    return launchedCampaign(year, "QD-366-2025");
  }

  /** The same under the given regulation (QD-132-2018, QD-124-2023, QD-366-2025). */
  protected String launchedCampaign(int year, String regulation) {
    ResponseEntity<String> created =
        openCampaign("committee", year, OffsetDateTime.now().plusDays(30), regulation);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    String id = json(created.getBody()).get("id").asText();
    CampaignOpening.awaitLaunch(
        as("committee"),
        id,
        Duration.ofSeconds(60),
        campaign -> {
          assertThat(campaign.at("/progress/membersStarted").asInt()).isEqualTo(15);
          assertThat(campaign.get("status").asText()).isEqualTo("RUNNING");
        });
    return id;
  }

  /** The id of the open task of that kind for the member, as the given user sees it; waits for it to appear. */
  protected String taskOf(String user, String taskKey, String memberId, int year) {
    String[] id = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              ResponseEntity<String> response =
                  as(user).get().uri("/api/v1/tasks").retrieve().toEntity(String.class);
              assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
              JsonNode tasks = json(response.getBody());
              id[0] =
                  StreamSupport.stream(tasks.spliterator(), false)
                      .filter(
                          t ->
                              t.get("taskKey").asText().equals(taskKey)
                                  && t.get("memberId").asText().equals(memberId)
                                  && t.get("year").asInt() == year)
                      .map(t -> t.get("id").asText())
                      .findFirst()
                      .orElse(null);
              assertThat(id[0])
                  .as("%s task of %s in %s visible to %s", taskKey, memberId, year, user)
                  .isNotNull();
            });
    return id[0];
  }

  /** The id of the organization's open finalize-results task of the year, as the grassroots committee sees it. */
  protected String finalizeResultsTask(int year) {
    String[] id = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode tasks =
                  json(as("committee").get().uri("/api/v1/tasks").retrieve().body(String.class));
              id[0] =
                  StreamSupport.stream(tasks.spliterator(), false)
                      .filter(
                          t ->
                              t.get("taskKey").asText().equals("finalize-results")
                                  && t.get("year").asInt() == year)
                      .map(t -> t.get("id").asText())
                      .findFirst()
                      .orElse(null);
              assertThat(id[0]).as("finalize-results task of %s", year).isNotNull();
            });
    return id[0];
  }

  /**
   * Phase "finalize-results" of the campaign (after every member and collective is decided): the grassroots committee
   * finalizes its members' results. Succeeds only within the EXCELLENT quota; see FinalizationTest for adjusting first.
   */
  protected void finalizeResults(int year) {
    completeOk("committee", finalizeResultsTask(year), Map.of());
  }

  protected ResponseEntity<String> complete(String user, String taskId, Map<String, ?> values) {
    return as(user)
        .post()
        .uri("/api/v1/tasks/" + taskId + "/complete")
        .contentType(MediaType.APPLICATION_JSON)
        .body(values)
        .retrieve()
        .toEntity(String.class);
  }

  /** Completes through the engine REST API as Tasklist does: values without a type. */
  protected ResponseEntity<String> engineComplete(
      String user, String taskId, Map<String, ?> values) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return as(user)
        .post()
        .uri("/engine-rest/task/{id}/complete", taskId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", variables))
        .retrieve()
        .toEntity(String.class);
  }

  protected void completeOk(String user, String taskId, Map<String, ?> values) {
    ResponseEntity<String> response = complete(user, taskId, values);
    assertThat(response.getStatusCode().value())
        .as(String.valueOf(response.getBody()))
        .isEqualTo(204);
  }

  // --- collective ratings (after the members who head no unit: rate-branches, then
  // rate-organization) ------------

  /** The three demo branches, in the order the campaign lists them. */
  protected static final java.util.List<String> BRANCHES =
      java.util.List.of(ORG + "-cb1", ORG + "-cb2", ORG + "-cb3");

  /**
   * The campaign's collective-rating phase, all approved: each branch's committee reviews the branch proposing
   * {@code level} and the grassroots committee approves it, then the grassroots committee reviews the organization and
   * the committee above (district) approves it. Call once every member is decided (no demo member heads a unit in
   * the tests' data, so no decision waits for these ratings).
   */
  protected void rateCollectives(int year, String level) {
    for (int b = 1; b <= BRANCHES.size(); b++) {
      String branch = BRANCHES.get(b - 1);
      completeOk(
          "secretary" + b,
          collectiveTaskOf("secretary" + b, "collective-self-review", branch, year),
          collectiveSelfReview(level));
      completeOk(
          "committee",
          collectiveTaskOf("committee", "collective-decision", branch, year),
          Map.of("decision", "APPROVE", "decidedLevel", level));
    }
    completeOk(
        "committee",
        collectiveTaskOf("committee", "collective-self-review", ORG, year),
        collectiveSelfReview(level));
    completeOk(
        "district",
        collectiveTaskOf("district", "collective-decision", ORG, year),
        Map.of("decision", "APPROVE", "decidedLevel", level));
  }

  /** A complete Mẫu 01 self-review proposing {@code level}. */
  /**
   * A branch review's completion: the proposal carried by a unanimous vote of nine eligible voters (so the vote rule
   * accepts it), and any more variables (name, value, …), which may replace the votes.
   */
  public static Map<String, Object> branchProposes(String level, Object... more) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("branchProposedLevel", level);
    values.putAll(
        vn.party.evaluation.process.validation.BranchVote.variables(
            9, Map.of(Level.valueOf(level), 9)));
    for (int i = 0; i < more.length; i += 2) {
      values.put((String) more[i], more[i + 1]);
    }
    return values;
  }

  /**
   * A committee decision approving {@code level}, with the reason an EXCELLENT above the organization's quota needs
   * (sent whatever the tally: within the quota it is not asked for), and any more variables (name, value, …).
   */
  public static Map<String, Object> approves(String level, Object... more) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("decision", "APPROVE");
    values.put("decidedLevel", level);
    values.put("quotaReason", QUOTA_REASON);
    for (int i = 0; i < more.length; i += 2) {
      values.put((String) more[i], more[i + 1]);
    }
    return values;
  }

  /** A decision approving {@code level} with the decision's comment (and no quota reason). */
  protected static Map<String, Object> approvesWithComment(String level, String comment) {
    return Map.of("decision", "APPROVE", "decidedLevel", level, "decisionComment", comment);
  }

  /** The reason the tests give for an EXCELLENT above the quota. */
  protected static final String QUOTA_REASON = "Thành tích nổi bật được chi bộ ghi nhận";

  /**
   * A member's self-review as the API takes it: the self-proposed level and the sections a self-criticism requires
   * (SelfReviewRules.REQUIRED_SECTIONS, each longer than the default minimum), then any more values (name, value, …;
   * they win). For a probationary member (10-KNĐ, no section III) remove {@code shortcomingsFixed}.
   */
  protected static Map<String, Object> selfCriticism(String level, Object... more) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("strengths", "Hoàn thành tốt nhiệm vụ chuyên môn được giao trong năm.");
    values.put(
        "limitations", "Đôi lúc chậm nộp báo cáo; nguyên nhân: chưa sắp xếp thời gian hợp lý.");
    values.put(
        "shortcomingsFixed", "Đã khắc phục việc đi họp muộn được chỉ ra ở kỳ kiểm điểm trước.");
    values.put("remedialMeasures", "Lập kế hoạch công việc hằng tuần, nộp báo cáo đúng hạn.");
    values.put("selfProposedLevel", level);
    if ("EXCELLENT".equals(level)) {
      // EXCELLENT needs a graded section I (SelfReviewRules): Mẫu 02A under 366, the default
      // campaign, at 95 points with the task conditions met. Other forms and regulations: form02a.
      Map<String, Object> graded = form02a("EXCELLENT", 5, "EXCELLENT", 70, 30, "EXCELLENT");
      graded.keySet().removeAll(values.keySet());
      values.putAll(graded);
    }
    for (int i = 0; i < more.length; i += 2) {
      values.put((String) more[i], more[i + 1]);
    }
    return values;
  }

  /** {@link #selfCriticism} as a JSON body of the domain API. */
  protected static String selfCriticismJson(String level) {
    try {
      return new ObjectMapper().writeValueAsString(selfCriticism(level));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static Map<String, Object> collectiveSelfReview(String level) {
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

  /** The open task of that kind in the collective's rating, as the given user sees it; waits for it to appear. */
  protected String collectiveTaskOf(String user, String taskKey, String collectiveId, int year) {
    String[] id = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              java.util.List<String> instances =
                  jdbc.sql(
                          """
              select id_ from public.act_ru_execution where business_key_ = :key and parent_id_ is null""")
                      .param("key", year + ":collective:" + collectiveId)
                      .query(String.class)
                      .list();
              assertThat(instances)
                  .as("collective rating of %s in %s", collectiveId, year)
                  .hasSize(1);
              JsonNode tasks =
                  json(as(user).get().uri("/api/v1/tasks").retrieve().body(String.class));
              id[0] =
                  StreamSupport.stream(tasks.spliterator(), false)
                      .filter(
                          t ->
                              t.get("taskKey").asText().equals(taskKey)
                                  && t.get("processInstanceId").asText().equals(instances.get(0)))
                      .map(t -> t.get("id").asText())
                      .findFirst()
                      .orElse(null);
              assertThat(id[0])
                  .as("%s task of %s in %s visible to %s", taskKey, collectiveId, year, user)
                  .isNotNull();
            });
    return id[0];
  }

  protected JsonNode collective(String user, int year, String collectiveId) {
    return json(
        as(user)
            .get()
            .uri("/api/v1/collectives/{y}/{c}", year, collectiveId)
            .retrieve()
            .body(String.class));
  }

  protected JsonNode evaluation(String user, int year, String memberId) {
    return json(
        as(user)
            .get()
            .uri("/api/v1/evaluations/{y}/{m}", year, memberId)
            .retrieve()
            .body(String.class));
  }

  /**
   * Every member through self-review, residence comment, branch review and the committee's approval, at the level
   * {@code levels} gives for member n (1–15).
   */
  protected void decideAllMembers(int year, java.util.function.IntFunction<String> levels) {
    for (int n = 1; n <= 15; n++) {
      decideMember(year, n, levels.apply(n));
    }
  }

  /** One member (1–15) through a short self-review, residence comment, branch review and approval at {@code level}. */
  protected void decideMember(int year, int n, String level) {
    String member = "member" + n;
    completeOk(member, taskOf(member, "self-review", member, year), selfCriticism("GOOD"));
    sendResidenceFeedback(member, year, "Tốt");
    completeOk(
        secretaryOf(n),
        taskOf(secretaryOf(n), "branch-review", member, year),
        branchProposes(level));
    completeOk(
        "committee", taskOf("committee", "committee-decision", member, year), approves(level));
  }

  /**
   * A demo member through the self-review given, the residence comment, the branch review and the committee's
   * approval at {@code level}; waits until the evaluation is DECIDED.
   */
  protected void decided(String member, int year, Map<String, Object> selfReview, String level) {
    completeOk(member, taskOf(member, "self-review", member, year), selfReview);
    sendResidenceFeedback(member, year, "Tốt");
    String secretary = secretaryOf(Integer.parseInt(member.substring("member".length())));
    completeOk(secretary, taskOf(secretary, "branch-review", member, year), branchProposes(level));
    completeOk(
        "committee", taskOf("committee", "committee-decision", member, year), approves(level));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> "DECIDED".equals(evaluation("committee", year, member).get("status").asText()));
  }

  /** The secretary of member n's branch in the demo data (five members per branch). */
  protected static String secretaryOf(int n) {
    return "secretary" + ((n - 1) / 5 + 1);
  }

  /** Publishes a discipline decision of the year (form REPRIMAND, WARNING…) as a structured CloudEvent. */
  protected CloudEvent sendDiscipline(
      String memberId, int year, String decisionId, String form, boolean selfDetectedAndRemedied) {
    String data =
        "{\"memberId\":\""
            + memberId
            + "\",\"year\":"
            + year
            + ",\"decisionId\":\""
            + decisionId
            + "\",\"form\":\""
            + form
            + "\",\"selfDetectedAndRemedied\":"
            + selfDetectedAndRemedied
            + ",\"decidedOn\":\""
            + year
            + "-03-01\",\"decidedBy\":\"Ủy ban kiểm tra Đảng ủy phường\"}";
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId(java.util.UUID.randomUUID().toString())
            .withSource(java.net.URI.create("/inspection-committee/test"))
            .withType("vn.party.member.disciplined")
            .withDataContentType("application/json")
            .withData(data.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .build();
    send(
        memberId,
        EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event));
    return event;
  }

  /**
   * A complete Mẫu 02A self-review: the five general criteria graded {@code generalGrade} with {@code generalEach}
   * points each (null: not scored, as before 366), the duties graded {@code taskGrade} with {@code taskPoints}; when
   * scored, every task on time and earlier shortcomings remedied, with {@code exceedingTasksPercent} of the tasks
   * beyond requirements (366's EXCELLENT needs 30); and the member's own proposal.
   */
  protected static Map<String, Object> form02a(
      String generalGrade,
      Integer generalEach,
      String taskGrade,
      Integer taskPoints,
      int exceedingTasksPercent,
      String proposed) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("strengths", "Chấp hành nghiêm chủ trương, đường lối của Đảng.");
    for (String item :
        new String[] {
          "politicalIdeology",
          "ethicsLifestyle",
          "organizationDiscipline",
          "workStyle",
          "selfImprovementCommitment"
        }) {
      values.put(item, "Tự đánh giá tiêu chí này: chấp hành nghiêm, có tiến bộ trong năm.");
      values.put(item + "Grade", generalGrade);
      if (generalEach != null) {
        values.put(item + "Points", generalEach);
      }
    }
    values.put("dutiesResults", "Kết quả thực hiện nhiệm vụ được giao trong năm.");
    values.put("dutiesResultsGrade", taskGrade);
    if (taskPoints != null) {
      values.put("dutiesResultsPoints", taskPoints);
    }
    if (generalEach != null) {
      values.put("allTasksOnTime", true);
      values.put("exceedingTasksPercent", exceedingTasksPercent);
      values.put("shortcomingsRemedied", true);
    }
    values.put("limitations", "Có lúc chưa chủ động.");
    values.put("shortcomingsFixed", "Đã khắc phục hạn chế năm trước.");
    values.put("reviewIssuesAnswers", "Không có.");
    values.put("collectiveResponsibility", "Cùng chịu trách nhiệm với tập thể.");
    values.put("remedialMeasures", "Chủ động hơn trong công việc.");
    values.put("selfProposedLevel", proposed);
    return values;
  }

  /**
   * One member's line in the branch meeting's form ({@code /app/meetings/{branch}/{year}}): the branch-review task,
   * the proposed level, the votes per level and the criticism. The attendance goes in the same form.
   */
  protected static void meetingEntry(
      Map<String, String> form,
      String taskId,
      String level,
      Map<String, String> votes,
      String criticism) {
    form.put("taskId#" + taskId, taskId);
    for (String l : java.util.List.of("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED")) {
      form.put("votes" + l + "_" + taskId, votes.getOrDefault(l, ""));
    }
    form.put("level_" + taskId, level);
    form.put("criticism_" + taskId, criticism);
  }

  /** The branch meeting's form, URL-encoded with the page's CSRF token (one taskId parameter per member). */
  protected static String meetingForm(Map<String, String> form, String csrf) {
    return form.entrySet().stream()
            .map(
                e ->
                    (e.getKey().startsWith("taskId#") ? "taskId" : e.getKey())
                        + "="
                        + java.net.URLEncoder.encode(
                            e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
            .collect(java.util.stream.Collectors.joining("&"))
        + "&_csrf="
        + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The CloudEvents of that type the service wrote to its outbox for the year, oldest first. */
  protected java.util.List<JsonNode> outboxEvents(String type, int year) {
    return jdbc
        .sql(
            "select convert_from(payload, 'UTF8') from evaluation.outbox where event_type = :type "
                + "and position(:y in convert_from(payload, 'UTF8')) > 0 order by id")
        .param("type", type)
        .param("y", "\"year\":" + year)
        .query(String.class)
        .list()
        .stream()
        .map(IntegrationTestSupport::json)
        .toList();
  }

  /** The timeline kinds of the member's evaluation of the year, in order. */
  protected java.util.List<String> timelineKinds(int year, String memberId) {
    JsonNode history =
        json(
            as("auditor")
                .get()
                .uri("/api/v1/evaluations/{y}/{m}/history", year, memberId)
                .retrieve()
                .body(String.class));
    return StreamSupport.stream(history.spliterator(), false)
        .map(e -> e.get("kind").asText())
        .toList();
  }

  /**
   * The announcement-and-complaints phase of the campaign (issue 3): waits until the results are announced, then
   * closes the complaint window now, as its timer would at the window's end. With no re-appraisal open the campaign
   * then goes on; otherwise it waits for them.
   */
  protected void closeComplaintWindow(int year) {
    Job[] timer = new Job[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              var campaign =
                  runtimeService
                      .createProcessInstanceQuery()
                      .processDefinitionKey("evaluation-campaign")
                      .processInstanceBusinessKey(year + ":" + ORG)
                      .singleResult();
              timer[0] =
                  campaign == null
                      ? null
                      : managementService
                          .createJobQuery()
                          .timers()
                          .activityId("complaint-window-closed")
                          .processInstanceId(campaign.getId())
                          .singleResult();
              assertThat(timer[0]).as("the complaint window of %s is open", year).isNotNull();
            });
    managementService.executeJob(timer[0].getId());
  }
}
