package vn.party.evaluation.campaign;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.party.evaluation.campaign.CampaignApi.CreateCampaignRequest;
import vn.party.evaluation.web.FieldProblem;

/**
 * A campaign's deadlines: in order (self-review ≤ residence feedback ≤ branch ≤ committee; the unit leadership's
 * assessment between the self-review and the branch), and none already past when the campaign opens (reason {@code
 * in-the-past}: a campaign whose deadlines have passed would start every member overdue). Only the deadlines given and
 * readable are compared, each with the closest earlier one given, so that every problem is reported at once with an
 * unreadable date's own.
 *
 * <p>The settings, read at each check: {@value #ANY_CALENDAR_ALLOWED} lets the tests, the end-to-end tests and the
 * bench open campaigns for any year with any deadlines (past years' campaigns with those years' deadlines, years to
 * come); {@value NotAfterCurrentYearValidator#FUTURE_YEARS_ALLOWED}, the older setting, allows years to come only.
 */
@Component
public class CampaignCalendar {

  static final String ANY_CALENDAR_ALLOWED = "evaluation.campaign.any-calendar-allowed";

  private final Environment environment;

  public CampaignCalendar(Environment environment) {
    this.environment = environment;
  }

  /** Whether deadlines already past are taken ({@value #ANY_CALENDAR_ALLOWED}). */
  boolean pastDeadlinesAllowed() {
    return anyCalendarAllowed(environment);
  }

  static boolean anyCalendarAllowed(Environment environment) {
    return environment != null
        && environment.getProperty(ANY_CALENDAR_ALLOWED, Boolean.class, Boolean.FALSE);
  }

  /** What is wrong with the deadlines given (null: not given or unreadable, left out), in the form's order. */
  List<FieldProblem> problems(CreateCampaignRequest request) {
    Map<String, OffsetDateTime> chain = new LinkedHashMap<>();
    chain.put("selfReviewDue", request.selfReviewDue());
    chain.put("residenceFeedbackDue", request.residenceFeedbackDue());
    chain.put("branchReviewDue", request.branchReviewDue());
    chain.put("decisionDue", request.decisionDue());
    List<FieldProblem> problems = new ArrayList<>();
    if (!pastDeadlinesAllowed()) {
      OffsetDateTime now = OffsetDateTime.now();
      Map<String, OffsetDateTime> all = new LinkedHashMap<>(chain);
      all.put("unitAssessmentDue", request.unitAssessmentDue());
      all.forEach(
          (field, due) -> {
            if (due != null && due.isBefore(now)) {
              problems.add(new FieldProblem(field, "in-the-past", null));
            }
          });
    }
    OffsetDateTime earlier = null;
    for (Map.Entry<String, OffsetDateTime> due : chain.entrySet()) {
      if (due.getValue() == null) {
        continue;
      }
      if (earlier != null && due.getValue().isBefore(earlier)) {
        problems.add(new FieldProblem(due.getKey(), "out-of-order", null));
      }
      earlier = due.getValue();
    }
    OffsetDateTime unit = request.unitAssessmentDue();
    if (unit != null
        && ((request.selfReviewDue() != null && unit.isBefore(request.selfReviewDue()))
            || (request.branchReviewDue() != null && unit.isAfter(request.branchReviewDue())))) {
      problems.add(new FieldProblem("unitAssessmentDue", "out-of-order", null));
    }
    return problems;
  }
}
