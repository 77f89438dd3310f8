package vn.party.evaluation.record;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads and writes member_evaluation rows. Each write names the step it records.
 *
 * <p>What came in from outside and was looked for by the process — the residence comment and the unit assessment,
 * received or not — waits for the transaction's next write of the row, or its commit, and goes out with it (issue 15:
 * an event that opens the branch review sent three updates of the row, now one). Those columns are read in other
 * transactions (the pages, the reports); a read through {@link #find} or {@link #ofMember} writes them first.
 */
@Component
public class EvaluationRecords {

  private static final String TABLE = "evaluation.member_evaluation";

  private final JdbcClient jdbc;

  public EvaluationRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<EvaluationRecord> find(int year, String memberId) {
    writeDeferred();
    return jdbc.sql(
            """
            select e.*, m.full_name as member_name from evaluation.member_evaluation e
            join evaluation.party_member m on m.id = e.member_id
            where e.year = :year and e.member_id = :member""")
        .param("year", year)
        .param("member", memberId)
        .query(EvaluationRecord.class)
        .optional();
  }

  /** A member's evaluations of every year, newest first. */
  public List<EvaluationRecord> ofMember(String memberId) {
    writeDeferred();
    return jdbc.sql(
            """
            select e.*, m.full_name as member_name from evaluation.member_evaluation e
            join evaluation.party_member m on m.id = e.member_id
            where e.member_id = :member order by e.year desc""")
        .param("member", memberId)
        .query(EvaluationRecord.class)
        .list();
  }

  /** Where a new evaluation belongs: the member, the organization and the branch. */
  public record NewEvaluation(String memberId, String organizationId, String branchId) {}

  /**
   * A new evaluation, or a fresh start of one that a transfer ended in another organization's campaign (ENDED: the
   * receiving organization's launch evaluates the member from the beginning; the history keeps both).
   *
   * @return false when the member already has an evaluation for that year (nothing is written then)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean create(
      int year, String memberId, UUID campaignId, String organizationId, String branchId) {
    return !createAll(
            year, campaignId, List.of(new NewEvaluation(memberId, organizationId, branchId)))
        .isEmpty();
  }

  /**
   * {@link #create} for several members in one statement (issue 15: a launch batch wrote a statement per member).
   *
   * @return the members whose evaluation was written: not those who already have one for that year
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Set<String> createAll(int year, UUID campaignId, List<NewEvaluation> evaluations) {
    if (evaluations.isEmpty()) {
      return Set.of();
    }
    RowsInTransaction transaction = rows();
    for (NewEvaluation evaluation : evaluations) {
      String memberId = evaluation.memberId();
      write(year, memberId, transaction.takeDeferred(year, memberId));
    }
    StringJoiner values = new StringJoiner(", ");
    Map<String, Object> params = new HashMap<>();
    params.put("year", year);
    params.put("campaign", campaignId);
    for (int i = 0; i < evaluations.size(); i++) {
      NewEvaluation evaluation = evaluations.get(i);
      values.add(
          "(:year, :member%1$d, :campaign, :org%1$d, :branch%1$d, 'SELF_REVIEW')".formatted(i));
      params.put("member" + i, evaluation.memberId());
      params.put("org" + i, evaluation.organizationId());
      params.put("branch" + i, evaluation.branchId());
    }
    List<String> created =
        jdbc.sql(
                """
            insert into evaluation.member_evaluation (year, member_id, campaign_id, organization_id, branch_id, status)
            values %s
            on conflict (year, member_id) do update set campaign_id = excluded.campaign_id,
              organization_id = excluded.organization_id, branch_id = excluded.branch_id, status = 'SELF_REVIEW',
              process_instance_id = null, self_proposed_level = null, self_reviewed_by = null, self_reviewed_at = null,
              residence_feedback = 'PENDING', residence_comment = null, residence_comment_by = null,
              residence_comment_at = null, branch_proposed_level = null, branch_comment = null,
              branch_reviewed_by = null, branch_reviewed_at = null, decision_comment = null, decided_level = null,
              decided_by = null, decided_at = null, level_cap = null, level_cap_reason = null, level_cap_rule = null,
              unit_assessment = 'PENDING', unit_comment = null, unit_comment_by = null, unit_comment_at = null,
              ended_reason = null, ended_at = null, updated_at = now()
            where evaluation.member_evaluation.status = 'ENDED'
            returning member_id"""
                    .formatted(values))
            .params(params)
            .query(String.class)
            .list();
    // the insert (or the fresh start) holds the row's lock and set its status (issue 15: the cap
    // refresh's lock and the self-review's status at the launch sent nothing new)
    for (String memberId : created) {
      transaction.lockedNow(year, memberId);
      transaction.statusNow(year, memberId, EvaluationStatus.SELF_REVIEW.name());
    }
    return Set.copyOf(created);
  }

  /** A movement ended the evaluation (leaving, death, a transfer): it stays, with the reason, and is not decided. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void ended(int year, String memberId, String reasonCode) {
    update(year, memberId, "status = 'ENDED', ended_reason = :v1, ended_at = now()", reasonCode);
    rows().statusNow(year, memberId, EvaluationStatus.ENDED.name());
  }

  /** A transfer inside the organization moved the running evaluation to the member's new branch. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void movedToBranch(int year, String memberId, String branchId) {
    update(year, memberId, "branch_id = :v1", branchId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void attachProcess(int year, String memberId, String processInstanceId) {
    update(year, memberId, "process_instance_id = :v1", processInstanceId);
  }

  /**
   * {@link #attachProcess} for several members in one statement (issue 15: a launch batch wrote a statement per
   * member).
   *
   * @param processInstanceIds by member id
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void attachProcesses(int year, Map<String, String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return;
    }
    StringJoiner values = new StringJoiner(", ");
    Map<String, Object> params = new HashMap<>();
    params.put("year", year);
    int i = 0;
    for (Map.Entry<String, String> attached : processInstanceIds.entrySet()) {
      values.add("(:member%1$d, :process%1$d)".formatted(i));
      params.put("member" + i, attached.getKey());
      params.put("process" + i, attached.getValue());
      i++;
    }
    jdbc.sql(
            """
            update evaluation.member_evaluation e set process_instance_id = v.process, updated_at = now()
            from (values %s) as v (member, process)
            where e.year = :year and e.member_id = v.member"""
                .formatted(values))
        .params(params)
        .update();
  }

  /**
   * Locks the row until the transaction ends. The residence-feedback consumer and the process step that checks
   * for feedback both take this lock, so a comment can never slip between the check and the wait. Once per
   * transaction (issue 15: an event that opens the branch review asked three times): a row locked stays locked until
   * the transaction ends.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean lock(int year, String memberId) {
    return lockedStatus(year, memberId).isPresent();
  }

  /**
   * Locks the row as {@link #lock} does, and tells the evaluation's status: empty when the member has no evaluation
   * that year. The status is read with the lock (issue 15: a residence comment read the whole record after the lock
   * to tell one that came too late).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<EvaluationStatus> lockedStatus(int year, String memberId) {
    RowsInTransaction transaction = rows();
    if (!transaction.locked(year, memberId) || transaction.status(year, memberId) == null) {
      Optional<String> status =
          jdbc.sql(
                  """
                  select status from evaluation.member_evaluation where year = :year and member_id = :member
                  for update""")
              .param("year", year)
              .param("member", memberId)
              .query(String.class)
              .optional();
      if (status.isEmpty()) {
        return Optional.empty();
      }
      transaction.lockedNow(year, memberId);
      transaction.statusNow(year, memberId, status.get());
    }
    return Optional.of(EvaluationStatus.valueOf(transaction.status(year, memberId)));
  }

  /** Sent only when the transaction has not already set that status (issue 15: the launch set it twice). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void status(int year, String memberId, EvaluationStatus status) {
    RowsInTransaction transaction = rows();
    if (transaction.hasStatus(year, memberId, status.name())) {
      return;
    }
    update(year, memberId, "status = :v1", status.name());
    transaction.statusNow(year, memberId, status.name());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void selfReviewed(int year, String memberId, String level, String by) {
    update(
        year,
        memberId,
        "self_proposed_level = :v1, self_reviewed_by = :v2, self_reviewed_at = now()",
        level,
        by);
  }

  /**
   * The latest comment received, at the time it arrived (the row kept on receipt): the process may take it up later,
   * when the evaluation starts or reaches the step, and the record showed that time instead (outsider of session 13,
   * MEDIUM 4: the self-review's submission time).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void residenceFeedbackReceived(int year, String memberId, String comment, String by) {
    defer(
        year,
        memberId,
        new Assignments()
            .set("residence_feedback", "RECEIVED")
            .set("residence_comment", comment)
            .set("residence_comment_by", by)
            .setArrivalOf("residence_comment_at", "residence_feedback"));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void residenceFeedbackMissing(int year, String memberId) {
    defer(year, memberId, new Assignments().set("residence_feedback", "MISSING"));
  }

  /** The latest assessment received, at the time it arrived, as {@link #residenceFeedbackReceived}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void unitAssessmentReceived(int year, String memberId, String comment, String by) {
    defer(
        year,
        memberId,
        new Assignments()
            .set("unit_assessment", "RECEIVED")
            .set("unit_comment", comment)
            .set("unit_comment_by", by)
            .setArrivalOf("unit_comment_at", "unit_assessment"));
  }

  /** MISSING (the deadline passed) or NOT_EXPECTED (no civil-service post). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void unitAssessmentNotReceived(int year, String memberId, String status) {
    defer(year, memberId, new Assignments().set("unit_assessment", status));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void branchReviewed(int year, String memberId, String level, String comment, String by) {
    update(
        year,
        memberId,
        """
        branch_proposed_level = :v1, branch_comment = :v2, branch_reviewed_by = :v3, branch_reviewed_at = now()""",
        level,
        comment,
        by);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void returned(int year, String memberId, String reason) {
    update(year, memberId, "decision_comment = :v1", reason);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void decided(int year, String memberId, String level, String comment, String by) {
    update(
        year,
        memberId,
        """
        decided_level = :v1, decision_comment = :v2, decided_by = :v3, decided_at = now(), status = 'DECIDED'""",
        level,
        comment,
        by);
    rows().statusNow(year, memberId, EvaluationStatus.DECIDED.name());
  }

  /** The committee adjusted the decided level while finalizing; who decided and the decision's comment stay. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void levelAdjusted(int year, String memberId, String level) {
    update(year, memberId, "decided_level = :v1", level);
  }

  /** The strictest cap now in force (all null: none), with the member-caps rule that set it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void levelCap(int year, String memberId, String level, String reasonCode, String ruleId) {
    update(
        year,
        memberId,
        "level_cap = :v1, level_cap_reason = :v2, level_cap_rule = :v3",
        level,
        reasonCode,
        ruleId);
  }

  /**
   * Sets {@code assignments} (values named :v1, :v2, … in order) and whatever the transaction deferred for the row, in
   * one statement. The deferred columns (residence comment, unit assessment) are never among {@code assignments}.
   */
  private void update(int year, String memberId, String assignments, Object... values) {
    Assignments deferred = rows().takeDeferred(year, memberId);
    if (deferred.isEmpty()) {
      YearRows.update(jdbc, TABLE, "member_id", year, memberId, assignments, values);
      return;
    }
    Map<String, Object> named = new HashMap<>(deferred.values());
    for (int i = 0; i < values.length; i++) {
      named.put("v" + (i + 1), values[i]);
    }
    YearRows.update(
        jdbc, TABLE, "member_id", year, memberId, deferred.sql() + ", " + assignments, named);
  }

  private void defer(int year, String memberId, Assignments assignments) {
    rows().defer(year, memberId, assignments);
  }

  private void write(int year, String memberId, Assignments assignments) {
    if (!assignments.isEmpty()) {
      YearRows.update(
          jdbc, TABLE, "member_id", year, memberId, assignments.sql(), assignments.values());
    }
  }

  /** Before a read: what the running transaction deferred, written (nothing outside a transaction). */
  private void writeDeferred() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      rows().writeDeferred();
    }
  }

  private RowsInTransaction rows() {
    return RowsInTransaction.current(this::write);
  }
}
