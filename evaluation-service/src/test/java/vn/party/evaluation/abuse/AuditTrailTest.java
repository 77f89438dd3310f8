package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.party.evaluation.CampaignOpening;
import vn.party.evaluation.EvaluationFlowSupport;

/**
 * Issue 5, "audit trail": the history ({@code evaluation.timeline_entry}) cannot be rewritten through the
 * application's own database connection — not by UPDATE, DELETE or TRUNCATE — and every row a whole evaluation writes
 * names who acted: a signed-in user, or {@code system} for what the system does by itself (starting evaluations,
 * timers, events from other systems). Attempts run in transactions that are always rolled back, so a missing guard
 * shows as a failed test, never as lost history for the other tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest extends EvaluationFlowSupport {

  /** A year no other test uses (campaign years must be 2018–2100). */
  private static final int YEAR = 2084;

  private static final String SYSTEM = "system";

  @Autowired private PlatformTransactionManager transactions;

  private final Map<String, Object> figures = new LinkedHashMap<>();

  /**
   * One full evaluation with every kind of step: member1 with a residence comment that arrives early, a claim, a
   * return and an approval; member2 whose comment never comes, so the deadline timer moves on (a system step).
   */
  @BeforeAll
  void oneEvaluationWithEveryKindOfStep() {
    OffsetDateTime now = OffsetDateTime.now();
    String campaignId =
        openedCampaign(
            "committee",
            YEAR,
            new CampaignOpening.Dues(
                now.plusSeconds(1), now.plusSeconds(5), now.plusDays(40), now.plusDays(50)));
    CampaignOpening.awaitStarted(as("committee"), campaignId, 15, Duration.ofSeconds(60));

    sendResidenceFeedback("member1", YEAR, "Gương mẫu nơi cư trú.");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from evaluation.residence_feedback "
                                + "where year = :y and member_id = 'member1'")
                        .param("y", YEAR)
                        .query(Integer.class)
                        .single()
                    == 1);
    completeOk(
        "member1",
        taskOf("member1", "self-review", "member1", YEAR),
        selfCriticism("GOOD", "strengths", "Hoàn thành nhiệm vụ."));
    String branchReview = taskOf("secretary1", "branch-review", "member1", YEAR);
    assertThat(
            as("secretary1")
                .post()
                .uri("/api/v1/tasks/" + branchReview + "/claim")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(204);
    completeOk("secretary1", branchReview, branchProposes("GOOD", "branchComment", "Nhất trí."));
    String decision = taskOf("committee", "committee-decision", "member1", YEAR);
    assertThat(
            as("committee")
                .post()
                .uri("/api/v1/tasks/" + decision + "/claim")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(204);
    completeOk(
        "committee", decision, Map.of("decision", "RETURN", "decisionComment", "Làm rõ kết quả."));
    completeOk(
        "secretary1",
        taskOf("secretary1", "branch-review", "member1", YEAR),
        branchProposes("EXCELLENT", "branchComment", "Đã làm rõ."));
    completeOk(
        "committee",
        taskOf("committee", "committee-decision", "member1", YEAR),
        approves("EXCELLENT"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> evaluation("member1", YEAR, "member1").path("status").asText().equals("DECIDED"));

    completeOk("member2", taskOf("member2", "self-review", "member2", YEAR), selfCriticism("GOOD"));
    // the comment never comes: at its deadline the timer (a job, run by nobody) moves on to the
    // branch
    completeOk(
        "secretary1",
        taskOf("secretary1", "branch-review", "member2", YEAR),
        branchProposes("GOOD"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> kinds().contains("RESIDENCE_FEEDBACK_MISSING"));
  }

  private List<String> kinds() {
    return jdbc.sql("select kind from evaluation.timeline_entry where year = :y")
        .param("y", YEAR)
        .query(String.class)
        .list();
  }

  @Test
  void everyHistoryRowNamesASignedInUserOrTheSystem() {
    List<Map<String, Object>> rows =
        jdbc.sql(
                """
            select id, member_id, kind, task_key, task_id, actor from evaluation.timeline_entry
            where year = :y order by id""")
            .param("y", YEAR)
            .query()
            .listOfRows();
    Set<String> users =
        new HashSet<>(jdbc.sql("select id_ from public.act_id_user").query(String.class).list());

    List<String> withoutActor = new ArrayList<>();
    List<String> unknownActor = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Object actor = row.get("actor");
      if (actor == null || actor.toString().isBlank()) {
        withoutActor.add(describe(row));
      } else if (!SYSTEM.equals(actor) && !users.contains(actor.toString())) {
        unknownActor.add(describe(row));
      }
    }
    figures.put("audit.timelineRows", rows.size());
    figures.put("audit.rowsWithoutActor", withoutActor.size());
    figures.put("audit.rowsWithUnknownActor", unknownActor.size());

    assertThat(rows).hasSizeGreaterThan(15);
    assertThat(rows.stream().map(r -> r.get("kind").toString()).distinct())
        .contains(
            "EVALUATION_STARTED",
            "TASK_CREATED",
            "TASK_ASSIGNED",
            "TASK_COMPLETED",
            "EVENT_RECEIVED",
            "RESIDENCE_FEEDBACK_MISSING",
            "CASE_RETURNED",
            "DECIDED");
    assertThat(withoutActor).as("rows without an actor").isEmpty();

    // who did what, step by step
    assertThat(actorsOf("member1", "TASK_COMPLETED", "self-review")).containsOnly("member1");
    assertThat(actorsOf("member1", "TASK_ASSIGNED", "branch-review")).containsOnly("secretary1");
    assertThat(actorsOf("member1", "TASK_COMPLETED", "branch-review")).containsOnly("secretary1");
    assertThat(actorsOf("member1", "TASK_ASSIGNED", "committee-decision"))
        .containsOnly("committee");
    assertThat(actorsOf("member1", "TASK_COMPLETED", "committee-decision"))
        .containsOnly("committee");
    assertThat(actorsOf("member1", "CASE_RETURNED", "committee-decision"))
        .containsOnly("committee");
    assertThat(actorsOf("member1", "DECIDED", null)).containsOnly("committee");
    assertThat(actorsOf("member1", "EVALUATION_STARTED", null)).containsOnly(SYSTEM);
    // the tasks the process made, as the process started: the system's, not the person's whose
    // step led to them (ninth session's outsider, finding 11)
    assertThat(actorsOf("member1", "TASK_CREATED", "branch-review")).containsOnly(SYSTEM);
    assertThat(actorsOf("member1", "TASK_CREATED", "committee-decision")).containsOnly(SYSTEM);
    assertThat(actorsOf("member2", "RESIDENCE_FEEDBACK_MISSING", null)).containsOnly(SYSTEM);

    // the evaluation record says the same, and so does the engine's own log of who completed each
    // task
    Map<String, Object> record =
        jdbc.sql(
                """
            select self_reviewed_by, branch_reviewed_by, decided_by from evaluation.member_evaluation
            where year = :y and member_id = 'member1'""")
            .param("y", YEAR)
            .query()
            .singleRow();
    assertThat(record)
        .containsEntry("self_reviewed_by", "member1")
        .containsEntry("branch_reviewed_by", "secretary1")
        .containsEntry("decided_by", "committee");
    List<Map<String, Object>> completions =
        jdbc.sql(
                """
            select t.task_id, t.actor, (select string_agg(distinct o.user_id_, ',') from public.act_hi_op_log o
                                        where o.task_id_ = t.task_id and o.operation_type_ = 'Complete') as engine_user
            from evaluation.timeline_entry t where t.year = :y and t.kind = 'TASK_COMPLETED'""")
            .param("y", YEAR)
            .query()
            .listOfRows();
    long matching =
        completions.stream().filter(c -> c.get("actor").equals(c.get("engine_user"))).count();
    figures.put("audit.completions", completions.size());
    figures.put("audit.completionsMatchingEngineLog", matching);
    assertThat(matching).as("%s", completions).isEqualTo(completions.size());

    // the comment came from another system over Kafka: nobody signed in here; who wrote it belongs
    // in the details
    assertThat(actorsOf("member1", "EVENT_RECEIVED", null))
        .as("actor of a Kafka event")
        .containsOnly(SYSTEM);
    assertThat(unknownActor).as("rows whose actor is neither a user nor the system").isEmpty();
  }

  private List<String> actorsOf(String member, String kind, String taskKey) {
    return jdbc.sql(
            """
            select actor from evaluation.timeline_entry where year = :y and member_id = :m and kind = :k
              and (cast(:t as varchar) is null or task_key = :t)""")
        .param("y", YEAR)
        .param("m", member)
        .param("k", kind)
        .param("t", taskKey)
        .query(String.class)
        .list();
  }

  private static String describe(Map<String, Object> row) {
    return row.get("member_id")
        + " "
        + row.get("kind")
        + (row.get("task_key") == null ? "" : ":" + row.get("task_key"))
        + " by "
        + row.get("actor");
  }

  @Test
  void theApplicationsOwnConnectionCannotRewriteOrEraseHistory() {
    String before = history();
    assertThat(before).isNotEmpty();

    String update =
        attempt("update evaluation.timeline_entry set actor = 'someone else' where year = " + YEAR);
    String updateDetails =
        attempt("update evaluation.timeline_entry set details = '{}'::jsonb where year = " + YEAR);
    String delete = attempt("delete from evaluation.timeline_entry where year = " + YEAR);
    String deleteAll = attempt("delete from evaluation.timeline_entry");
    String truncate = attempt("truncate evaluation.timeline_entry");
    figures.put("audit.updateRefused", update != null && updateDetails != null);
    figures.put("audit.deleteRefused", delete != null && deleteAll != null);
    figures.put("audit.truncateRefused", truncate != null);

    assertThat(history()).as("history unchanged").isEqualTo(before);
    assertThat(update).as("UPDATE refused").contains("append-only");
    assertThat(updateDetails).as("UPDATE of details refused").contains("append-only");
    assertThat(delete).as("DELETE refused").contains("append-only");
    assertThat(deleteAll).as("DELETE of every row refused").contains("append-only");
    // the row triggers do not fire on TRUNCATE: it needs a statement trigger of its own (BEFORE
    // TRUNCATE)
    assertThat(truncate).as("TRUNCATE refused").isNotNull().contains("append-only");

    // the guards are in place and enabled (not disabled with ALTER TABLE ... DISABLE TRIGGER)
    List<Map<String, Object>> triggers =
        jdbc.sql(
                """
            select tgname, tgenabled::text as enabled, tgtype from pg_trigger
            where tgrelid = 'evaluation.timeline_entry'::regclass and not tgisinternal""")
            .query()
            .listOfRows();
    assertThat(triggers).isNotEmpty().allSatisfy(t -> assertThat(t.get("enabled")).isEqualTo("O"));
  }

  /** The statement's error message, or null when the database let it through (the change is rolled back anyway). */
  private String attempt(String sql) {
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    try {
      transaction.executeWithoutResult(
          status -> {
            status.setRollbackOnly();
            jdbc.sql(sql).update();
          });
      return null;
    } catch (DataAccessException refused) {
      return String.valueOf(refused.getMostSpecificCause().getMessage());
    }
  }

  private String history() {
    return jdbc.sql(
            "select id, kind, actor, details::text from evaluation.timeline_entry where year = :y order by id")
        .param("y", YEAR)
        .query()
        .listOfRows()
        .toString();
  }

  @AfterAll
  void writeFigures() {
    Figures.write(getClass(), figures);
  }
}
