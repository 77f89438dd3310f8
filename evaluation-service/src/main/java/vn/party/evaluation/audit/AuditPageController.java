package vn.party.evaluation.audit;

import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

/**
 * The inspection committee's search (ủy ban kiểm tra): every evaluation of any year, running or finished — of every
 * organization for the global auditors, of its own organization for an organization's inspection committee. A GET
 * form only: nothing on these pages changes anything.
 */
@Controller
@PortalPage
public class AuditPageController {

  private final EvaluationSearch search;
  private final FormalitySignals signals;

  public AuditPageController(EvaluationSearch search, FormalitySignals signals) {
    this.search = search;
    this.signals = signals;
  }

  /** Signs of a formal review in a year, for the inspectors to look into. */
  @GetMapping("/app/audit/signals")
  public String signals(
      @RequestParam int year, @AuthenticationPrincipal CurrentUser user, Model model) {
    if (!user.isInspector() && !user.isAdmin()) {
      throw ApiException.forbidden();
    }
    if (year < 2018 || year > 2100) {
      throw ApiException.invalid(List.of(new FieldProblem("year", "out-of-range", null)));
    }
    model.addAttribute("signals", signals.of(year, scope(user)));
    return "audit/signals";
  }

  /**
   * The organizations the reader inspects: null (every one) for global auditors and administrators, else those of
   * the inspection committees the reader sits on ({@code inspection-{organization}}).
   */
  private static List<String> scope(CurrentUser user) {
    return user.isAuditor() || user.isAdmin() ? null : user.inspectedOrganizations();
  }

  @GetMapping("/app/audit")
  public String search(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String member,
      @RequestParam(required = false) String branch,
      @RequestParam(required = false) String organization,
      @RequestParam(required = false) String level,
      @RequestParam(defaultValue = "false") boolean differs,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    if (!user.isInspector() && !user.isAdmin()) {
      throw ApiException.forbidden();
    }
    if (level != null && !level.isBlank() && Level.parse(level).isEmpty()) {
      throw ApiException.invalid(List.of(new FieldProblem("level", "invalid-level", null)));
    }
    var criteria =
        new EvaluationSearch.Criteria(year, member, branch, organization, level, differs);
    model.addAttribute("criteria", criteria);
    model.addAttribute("levels", Arrays.stream(Level.values()).map(Level::name).toList());
    model.addAttribute("rows", search.find(criteria, scope(user)));
    model.addAttribute("maxRows", EvaluationSearch.MAX_ROWS);
    return "audit/search";
  }
}
