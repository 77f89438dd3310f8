package vn.party.evaluation.finalization;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.party.evaluation.campaign.Campaign;
import vn.party.evaluation.campaign.Campaigns;
import vn.party.evaluation.campaign.Finalizations;
import vn.party.evaluation.decision.OrganizationTally;
import vn.party.evaluation.finalization.AdjustmentApi.AdjustLevelRequest;
import vn.party.evaluation.finalization.flow.FinalizationProcess;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.task.TaskWork;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldErrorProblems;
import vn.party.evaluation.web.FieldProblem;

/**
 * The grassroots committee's finalization page: the organization's live counts and the quota gauge, the members at
 * EXCELLENT and GOOD with an adjust form each (while finalize-results is open), and "Chốt kết quả", which completes
 * the task through {@link TaskWork} (the server refuses over the quota). Auditors and administrators read it without
 * the buttons.
 */
@Controller
@PortalPage
public class FinalizationPageController {

  private static final String PAGE = "/app/campaigns/{organizationId}/{year}/finalization";

  private final Campaigns campaigns;
  private final OrganizationTally tally;
  private final LevelAdjuster adjuster;
  private final Finalizations finalizations;
  private final TaskWork work;
  private final FinalizationProcess process;
  private final FieldErrorProblems fieldErrors;
  private final JdbcClient jdbc;

  public FinalizationPageController(
      Campaigns campaigns,
      OrganizationTally tally,
      LevelAdjuster adjuster,
      Finalizations finalizations,
      TaskWork work,
      FinalizationProcess process,
      FieldErrorProblems fieldErrors,
      JdbcClient jdbc) {
    this.campaigns = campaigns;
    this.tally = tally;
    this.adjuster = adjuster;
    this.finalizations = finalizations;
    this.work = work;
    this.process = process;
    this.fieldErrors = fieldErrors;
    this.jdbc = jdbc;
  }

  /** A member at EXCELLENT or GOOD, as the page lists them. */
  public record DecidedMember(
      String memberId,
      String memberName,
      String branchId,
      String decidedLevel,
      String branchProposedLevel) {}

  @GetMapping(PAGE)
  public String show(
      @PathVariable String organizationId,
      @PathVariable int year,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    fill(readable(organizationId, year, user), user, model, Map.of(), null, null);
    return "campaign/finalization";
  }

  @PostMapping(PAGE + "/adjustments")
  public String adjust(
      @PathVariable String organizationId,
      @PathVariable int year,
      @RequestParam(required = false) String memberId,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String reason,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      RedirectAttributes flash,
      HttpServletResponse response) {
    Campaign campaign = workable(organizationId, year, user);
    try {
      if (memberId == null || !memberOf(organizationId, year, memberId)) {
        throw ApiException.invalid(List.of(fieldErrors.of(new FieldError("memberId", "unknown"))));
      }
      adjuster.adjust(year, memberId, new AdjustLevelRequest(blankToNull(level), reason), user);
    } catch (ApiException refused) {
      if (refused.problems().isEmpty()) {
        throw refused;
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      fill(campaign, user, model, FieldProblem.messagesByField(refused.problems()), memberId, null);
      return "campaign/finalization";
    }
    flash.addFlashAttribute("notice", "notice.level-adjusted");
    return "redirect:/app/campaigns/" + organizationId + "/" + year + "/finalization";
  }

  @PostMapping(PAGE)
  public String finalizeResults(
      @PathVariable String organizationId,
      @PathVariable int year,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      RedirectAttributes flash,
      HttpServletResponse response) {
    Campaign campaign = workable(organizationId, year, user);
    String taskId = openTask(campaign);
    if (taskId == null) {
      throw ApiException.conflict("error.finalization.not-open", organizationId, year);
    }
    List<FieldProblem> problems;
    try {
      work.complete(taskId, Map.of(), user);
      flash.addFlashAttribute("notice", "notice.results-finalized");
      return "redirect:/app/campaigns/" + organizationId + "/" + year + "/finalization";
    } catch (ApiException refused) {
      if (refused.problems().isEmpty()) {
        throw refused;
      }
      problems = refused.problems();
    } catch (FormFieldValidationException refused) {
      // the engine's own check (the counts changed between the page's check and the completion)
      problems =
          refused.getDetail() instanceof List<?> list
              ? fieldErrors.of(
                  list.stream()
                      .filter(FieldError.class::isInstance)
                      .map(FieldError.class::cast)
                      .toList())
              : List.of();
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    String message = problems.stream().map(FieldProblem::message).findFirst().orElse(null);
    fill(campaign, user, model, Map.of(), null, message);
    return "campaign/finalization";
  }

  /** The organization's committee, auditors and administrators read the page (like the campaign's progress). */
  private Campaign readable(String organizationId, int year, CurrentUser user) {
    var id =
        campaigns
            .idOf(organizationId, year)
            .orElseThrow(
                () -> ApiException.notFound("error.report.not-found", organizationId, year));
    if (!user.isAdmin()
        && !user.inspects(organizationId)
        && !user.inOrganizationCommittee(organizationId)) {
      throw ApiException.forbidden();
    }
    return campaigns.find(id).orElseThrow();
  }

  /** Only the organization's own committee changes anything here (auditors and administrators read). */
  private Campaign workable(String organizationId, int year, CurrentUser user) {
    Campaign campaign = readable(organizationId, year, user);
    if (!user.inOrganizationCommittee(organizationId)) {
      throw ApiException.forbidden();
    }
    return campaign;
  }

  private void fill(
      Campaign campaign,
      CurrentUser user,
      Model model,
      Map<String, String> errors,
      String errorMember,
      String finalizeError) {
    boolean open = adjuster.finalizationOpen(campaign);
    model.addAttribute("campaign", campaign);
    model.addAttribute("tally", tally.of(campaign.organizationId(), campaign.year()));
    model.addAttribute("members", decidedMembers(campaign.organizationId(), campaign.year()));
    model.addAttribute("open", open);
    model.addAttribute("finalization", finalizations.of(campaign.id()).orElse(null));
    model.addAttribute("mayWork", open && user.inOrganizationCommittee(campaign.organizationId()));
    model.addAttribute("self", user.userId()); // recusal: no adjustment form on one's own line
    model.addAttribute("levels", Level.values());
    model.addAttribute("errors", errors);
    model.addAttribute("errorMember", errorMember);
    model.addAttribute("finalizeError", finalizeError);
  }

  private List<DecidedMember> decidedMembers(String organizationId, int year) {
    return jdbc.sql(
            """
            select e.member_id, m.full_name as member_name, e.branch_id, e.decided_level, e.branch_proposed_level
            from evaluation.member_evaluation e join evaluation.party_member m on m.id = e.member_id
            where e.organization_id = :org and e.year = :year and e.decided_level in ('EXCELLENT', 'GOOD')
            order by case e.decided_level when 'EXCELLENT' then 0 else 1 end, e.branch_id, e.member_id""")
        .param("org", organizationId)
        .param("year", year)
        .query(DecidedMember.class)
        .list();
  }

  private boolean memberOf(String organizationId, int year, String memberId) {
    return jdbc.sql(
                """
            select count(*) from evaluation.member_evaluation
            where organization_id = :org and year = :year and member_id = :member""")
            .param("org", organizationId)
            .param("year", year)
            .param("member", memberId)
            .query(Integer.class)
            .single()
        > 0;
  }

  private String openTask(Campaign campaign) {
    return process.openTask(campaign.processInstanceId());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
