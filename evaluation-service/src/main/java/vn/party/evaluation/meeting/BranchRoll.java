package vn.party.evaluation.meeting;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.party.evaluation.decision.CaseFacts;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.selfreview.SelfReviews;

/**
 * What the branch meeting deliberates on, beside the form ({@link MeetingService#agenda} is who can be proposed now):
 * each ready member's self-review in short (its summary texts, the points and the level they give), the comments
 * from the residence area and the unit, and the committee's reason when it returned the case; and the branch's
 * other members, waiting for a comment from outside the branch (with its due date) or not yet submitted.
 */
@Component
public class BranchRoll {

  /** How much of each self-review text the meeting page shows; the whole text is on the member's record. */
  static final int SUMMARY_LENGTH = 600;

  private final JdbcClient jdbc;
  private final EvaluationRecords records;
  private final SelfReviews selfReviews;
  private final CaseFacts facts;

  public BranchRoll(
      JdbcClient jdbc, EvaluationRecords records, SelfReviews selfReviews, CaseFacts facts) {
    this.jdbc = jdbc;
    this.records = records;
    this.selfReviews = selfReviews;
    this.facts = facts;
  }

  /** A ready member's file, as the meeting reads it. */
  public record Deliberation(
      String strengths,
      String limitations,
      String remedialMeasures,
      BigDecimal totalPoints,
      String derivedLevel,
      EvaluationRecord record,
      Optional<CaseFacts.Returned> returned) {}

  /** A member the meeting cannot take yet: {@code waitingFor} RESIDENCE, UNIT or SELF_REVIEW, and its due date. */
  public record Waiting(
      String memberId, String memberName, String waitingFor, OffsetDateTime due) {}

  public record Roll(List<Waiting> waitingForComment, List<Waiting> notSubmitted) {}

  /** The file of each member on the agenda, by member id. */
  public Map<String, Deliberation> deliberations(int year, List<AgendaItem> agenda) {
    Map<String, Deliberation> files = new LinkedHashMap<>();
    for (AgendaItem item : agenda) {
      EvaluationRecord record = records.find(year, item.memberId()).orElse(null);
      var review = selfReviews.latest(year, item.memberId());
      Map<String, Object> content = review.map(r -> r.content()).orElse(Map.of());
      files.put(
          item.memberId(),
          new Deliberation(
              summary(content.get("strengths")),
              summary(content.get("limitations")),
              summary(content.get("remedialMeasures")),
              review.map(r -> r.totalPoints()).orElse(null),
              review.map(r -> r.derivedLevel()).orElse(null),
              record,
              facts.openReturn(year, item.memberId())));
    }
    return files;
  }

  private record Row(
      String memberId,
      String memberName,
      String status,
      String residenceFeedback,
      String unitAssessment,
      OffsetDateTime selfReviewDue,
      OffsetDateTime residenceFeedbackDue,
      OffsetDateTime unitAssessmentDue) {}

  /**
   * The years in which some of the branch's members are still on their way to its meeting (not submitted, or waiting
   * for a comment): the meeting page shows them in its groups before anyone is ready.
   */
  public List<Integer> yearsOnTheWay(String branchId) {
    return jdbc.sql(
            """
            select distinct e.year from evaluation.member_evaluation e
            where e.branch_id = :branch and e.status in ('SELF_REVIEW', 'WAITING_RESIDENCE_FEEDBACK')
            order by e.year desc""")
        .param("branch", branchId)
        .query(Integer.class)
        .list();
  }

  /** The branch's members of the year who are not on the agenda because something is still missing. */
  public Roll roll(String branchId, int year) {
    List<Waiting> waiting = new ArrayList<>();
    List<Waiting> notSubmitted = new ArrayList<>();
    for (Row row :
        jdbc.sql(
                """
            select e.member_id, m.full_name as member_name, e.status, e.residence_feedback, e.unit_assessment,
                   c.self_review_due, c.residence_feedback_due, c.unit_assessment_due
            from evaluation.member_evaluation e
            join evaluation.party_member m on m.id = e.member_id
            join evaluation.campaign c on c.id = e.campaign_id
            where e.branch_id = :branch and e.year = :year and e.status in ('SELF_REVIEW', 'WAITING_RESIDENCE_FEEDBACK')
            order by m.full_name, e.member_id""")
            .param("branch", branchId)
            .param("year", year)
            .query(Row.class)
            .list()) {
      if ("SELF_REVIEW".equals(row.status())) {
        notSubmitted.add(
            new Waiting(row.memberId(), row.memberName(), "SELF_REVIEW", row.selfReviewDue()));
      } else if (row.residenceFeedback() == null || "PENDING".equals(row.residenceFeedback())) {
        waiting.add(
            new Waiting(row.memberId(), row.memberName(), "RESIDENCE", row.residenceFeedbackDue()));
      } else {
        waiting.add(new Waiting(row.memberId(), row.memberName(), "UNIT", row.unitAssessmentDue()));
      }
    }
    Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
    waiting.sort(Comparator.comparing(Waiting::memberName, collator));
    notSubmitted.sort(Comparator.comparing(Waiting::memberName, collator));
    return new Roll(waiting, notSubmitted);
  }

  private static String summary(Object text) {
    if (!(text instanceof String s) || s.isBlank()) {
      return null;
    }
    return s.length() <= SUMMARY_LENGTH ? s : s.substring(0, SUMMARY_LENGTH) + "…";
  }
}
