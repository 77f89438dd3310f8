package vn.party.evaluation.record;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes member_evaluation rows. Each write names the step it records. */
@Component
public class EvaluationRecords {

  private final JdbcClient jdbc;

  public EvaluationRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<EvaluationRecord> find(int year, String memberId) {
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
    return jdbc.sql(
            """
            select e.*, m.full_name as member_name from evaluation.member_evaluation e
            join evaluation.party_member m on m.id = e.member_id
            where e.member_id = :member order by e.year desc""")
        .param("member", memberId)
        .query(EvaluationRecord.class)
        .list();
  }

  /**
   * A new evaluation, or a fresh start of one that a transfer ended in another organization's campaign (ENDED: the
   * receiving organization's launch evaluates the member from the beginning; the history keeps both).
   *
   * @return false when the member already has an evaluation for that year (nothing is written then)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean create(
      int year, String memberId, UUID campaignId, String organizationId, String branchId) {
    int rows =
        jdbc.sql(
                """
            insert into evaluation.member_evaluation (year, member_id, campaign_id, organization_id, branch_id, status)
            values (:year, :member, :campaign, :org, :branch, 'SELF_REVIEW')
            on conflict (year, member_id) do update set campaign_id = excluded.campaign_id,
              organization_id = excluded.organization_id, branch_id = excluded.branch_id, status = 'SELF_REVIEW',
              process_instance_id = null, self_proposed_level = null, self_reviewed_by = null, self_reviewed_at = null,
              residence_feedback = 'PENDING', residence_comment = null, residence_comment_by = null,
              residence_comment_at = null, branch_proposed_level = null, branch_comment = null,
              branch_reviewed_by = null, branch_reviewed_at = null, decision_comment = null, decided_level = null,
              decided_by = null, decided_at = null, level_cap = null, level_cap_reason = null, level_cap_rule = null,
              unit_assessment = 'PENDING', unit_comment = null, unit_comment_by = null, unit_comment_at = null,
              ended_reason = null, ended_at = null, updated_at = now()
            where evaluation.member_evaluation.status = 'ENDED'""")
            .param("year", year)
            .param("member", memberId)
            .param("campaign", campaignId)
            .param("org", organizationId)
            .param("branch", branchId)
            .update();
    if (rows != 1) {
      return false;
    }
    // the insert (or the fresh start) holds the row's lock and set its status (issue 15: the cap
    // refresh's lock and the self-review's status at the launch sent nothing new)
    RowsInTransaction transaction = RowsInTransaction.current();
    transaction.lockedNow(year, memberId);
    transaction.statusNow(year, memberId, EvaluationStatus.SELF_REVIEW.name());
    return true;
  }

  /** A movement ended the evaluation (leaving, death, a transfer): it stays, with the reason, and is not decided. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void ended(int year, String memberId, String reasonCode) {
    update(year, memberId, "status = 'ENDED', ended_reason = :v1, ended_at = now()", reasonCode);
    RowsInTransaction.current().statusNow(year, memberId, EvaluationStatus.ENDED.name());
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
   * Locks the row until the transaction ends. The residence-feedback consumer and the process step that checks
   * for feedback both take this lock, so a comment can never slip between the check and the wait. Once per
   * transaction (issue 15: an event that opens the branch review asked three times): a row locked stays locked until
   * the transaction ends.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean lock(int year, String memberId) {
    RowsInTransaction transaction = RowsInTransaction.current();
    if (transaction.locked(year, memberId)) {
      return true;
    }
    boolean exists =
        jdbc.sql(
                "select 1 from evaluation.member_evaluation where year = :year and member_id = :member for update")
            .param("year", year)
            .param("member", memberId)
            .query(Integer.class)
            .optional()
            .isPresent();
    if (exists) {
      transaction.lockedNow(year, memberId);
    }
    return exists;
  }

  /** Sent only when the transaction has not already set that status (issue 15: the launch set it twice). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void status(int year, String memberId, EvaluationStatus status) {
    RowsInTransaction transaction = RowsInTransaction.current();
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
    update(
        year,
        memberId,
        """
        residence_feedback = 'RECEIVED', residence_comment = :v1, residence_comment_by = :v2,
        residence_comment_at = coalesce((select f.received_at from evaluation.residence_feedback f
          where f.year = :v3 and f.member_id = :v4 order by f.id desc limit 1), now())""",
        comment,
        by,
        year,
        memberId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void residenceFeedbackMissing(int year, String memberId) {
    update(year, memberId, "residence_feedback = 'MISSING'");
  }

  /** The latest assessment received, at the time it arrived, as {@link #residenceFeedbackReceived}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void unitAssessmentReceived(int year, String memberId, String comment, String by) {
    update(
        year,
        memberId,
        """
        unit_assessment = 'RECEIVED', unit_comment = :v1, unit_comment_by = :v2,
        unit_comment_at = coalesce((select a.received_at from evaluation.unit_assessment a
          where a.year = :v3 and a.member_id = :v4 order by a.id desc limit 1), now())""",
        comment,
        by,
        year,
        memberId);
  }

  /** MISSING (the deadline passed) or NOT_EXPECTED (no civil-service post). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void unitAssessmentNotReceived(int year, String memberId, String status) {
    update(year, memberId, "unit_assessment = :v1", status);
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
    RowsInTransaction.current().statusNow(year, memberId, EvaluationStatus.DECIDED.name());
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

  private void update(int year, String memberId, String assignments, Object... values) {
    YearRows.update(
        jdbc, "evaluation.member_evaluation", "member_id", year, memberId, assignments, values);
  }
}
