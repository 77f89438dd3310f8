package vn.party.evaluation.task;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.party.evaluation.process.validation.TaskCompletionRules.FormField;
import vn.party.evaluation.process.validation.TaskCompletionRules.Kind;
import vn.party.evaluation.decision.OrganizationTally;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.review.EvaluationRecords;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

/**
 * "Công việc của tôi": the work list and the task forms of the people's pages. Every change goes through
 * {@link TaskWork}, the same rules as the API; the engine runs as the signed-in user.
 */
@Controller
@PortalPage
public class TaskPageController {

  private final TaskWork work;
  private final MessageSource messages;
  private final EvaluationRecords records;
  private final OrganizationTally tally;
  private final vn.party.evaluation.collective.CollectiveAccess collectives;
  private final vn.party.evaluation.selfreview.SelfReviews selfReviews;

  public TaskPageController(TaskWork work, MessageSource messages, EvaluationRecords records,
      OrganizationTally tally, vn.party.evaluation.collective.CollectiveAccess collectives,
      vn.party.evaluation.selfreview.SelfReviews selfReviews) {
    this.selfReviews = selfReviews;
    this.work = work;
    this.messages = messages;
    this.records = records;
    this.tally = tally;
    this.collectives = collectives;
  }

  @GetMapping("/app/tasks")
  public String list(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("tasks", work.visibleTasks(user));
    return "tasks/list";
  }

  @GetMapping("/app/tasks/{id}")
  public String form(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
    TaskForm form = work.form(id, user);
    if (ProcessKeys.FINALIZE_RESULTS.equals(form.task().taskKey())) {
      // finalizing is done on the organization's finalization page (counts, gauge, adjustments)
      return "redirect:/app/campaigns/" + work.organizationOf(id) + "/" + form.task().year() + "/finalization";
    }
    model.addAttribute("form", form);
    model.addAttribute("errors", Map.of());
    addTally(form, model);
    // a collective's task: its self-review (Mẫu 01) in view for the raters, with a link to its record
    work.collectiveOf(id).ifPresent(collective -> model.addAttribute("collective",
        collectives.view(form.task().year(), collective, user)));
    return "tasks/form";
  }

  @PostMapping("/app/tasks/{id}/claim")
  public String claim(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
    work.claim(id, user);
    flash.addFlashAttribute("notice", "notice.claimed");
    return "redirect:/app/tasks/" + id;
  }

  @PostMapping("/app/tasks/{id}/unclaim")
  public String unclaim(@PathVariable String id, @AuthenticationPrincipal CurrentUser user,
      RedirectAttributes flash) {
    work.unclaim(id, user);
    flash.addFlashAttribute("notice", "notice.unclaimed");
    return "redirect:/app/tasks";
  }

  /** Save as draft ({@code action=draft}) or submit ({@code action=submit}); a refusal shows next to each field. */
  @PostMapping("/app/tasks/{id}")
  public String save(@PathVariable String id, @RequestParam(defaultValue = "draft") String action,
      @RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CurrentUser user, Model model,
      RedirectAttributes flash, HttpServletResponse response) {
    TaskForm form = work.form(id, user);
    Map<String, Object> values = new LinkedHashMap<>();
    for (FormField field : form.fields()) {
      String value = params.getFirst(field.name());
      if (field.kind() == Kind.FLAG) {
        values.put(field.name(), value != null); // an unticked checkbox sends nothing
      } else if (field.kind() == Kind.YES_NO) {
        // "not stated" is null, sent as such: it clears what an earlier round (a returned case) stated
        values.put(field.name(), "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE
            : value == null || value.isBlank() ? null : value);
      } else if (field.kind() == Kind.PERCENT && (value == null || value.isBlank())) {
        values.put(field.name(), null); // left empty: not stated, and no longer what an earlier round stated
      } else if (value != null && !value.isBlank()) {
        boolean numeric = field.kind() == Kind.MONTHS || field.kind() == Kind.POINTS || field.kind() == Kind.PERCENT
            || field.kind() == Kind.COUNT || field.kind() == Kind.VOTERS;
        values.put(field.name(), numeric ? number(value) : value.replace("\r\n", "\n"));
      }
    }
    try {
      if ("submit".equals(action)) {
        work.complete(id, values, user);
        flash.addFlashAttribute("notice", "notice.submitted");
        return "redirect:/app/tasks";
      }
      work.saveDraft(id, values, user);
      flash.addFlashAttribute("notice", "notice.draft-saved");
      return "redirect:/app/tasks/" + id;
    } catch (ApiException refused) {
      if (refused.problems().isEmpty()) {
        throw refused;
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("form", new TaskForm(form.task(), form.fields(), values, form.draftSavedAt(),
          form.mayWork(), form.levelCap(), form.levelCapReason(), form.selfReviewOutcome(),
          form.selfReviewForm()));
      model.addAttribute("errors", errors(refused.problems()));
      addTally(form, model);
      return "tasks/form";
    }
  }

  /**
   * The committee decides with the organization's live counts and the quota gauge in view; the branch and the
   * committee see the comments from outside the branch (or that they are missing) beside the member's own review.
   */
  private void addTally(TaskForm form, Model model) {
    if (ProcessKeys.BRANCH_REVIEW.equals(form.task().taskKey())
        || ProcessKeys.COMMITTEE_DECISION.equals(form.task().taskKey())) {
      records.find(form.task().year(), form.task().memberId())
          .ifPresent(record -> model.addAttribute("evaluation", record));
      // the member's own review beside the proposal: the self-proposed level, the points and the level they give
      selfReviews.latest(form.task().year(), form.task().memberId())
          .ifPresent(review -> model.addAttribute("selfReview", review));
    }
    if (ProcessKeys.COMMITTEE_DECISION.equals(form.task().taskKey())) {
      records.find(form.task().year(), form.task().memberId()).ifPresent(
          record -> model.addAttribute("tally", tally.of(record.organizationId(), record.year())));
    }
  }

  /** What every rendering of a task form needs besides the task. */
  @org.springframework.web.bind.annotation.ModelAttribute
  void formChoices(Model model) {
    model.addAttribute("levels", vn.party.evaluation.process.Level.values());
    model.addAttribute("grades", vn.party.evaluation.rules.Grade.values());
    model.addAttribute("maxLongText", vn.party.evaluation.process.validation.SelfReviewRules.MAX_LONG_TEXT_LENGTH);
    model.addAttribute("decisions", vn.party.evaluation.process.Decision.values());
    model.addAttribute("maxText", vn.party.evaluation.process.validation.TaskCompletionRules.MAX_TEXT_LENGTH);
    model.addAttribute("maxMonths", vn.party.evaluation.process.validation.TaskCompletionRules.MAX_MONTHS);
    model.addAttribute("maxVoters", vn.party.evaluation.process.validation.BranchVote.MAX_VOTERS);
  }

  /**
   * field → the reason in the user's language, naming the field by its label: the rules' own message where the API
   * made one (a refusal above the cap names the cap and why), else the reason's text.
   */
  private Map<String, String> errors(List<FieldProblem> problems) {
    var locale = LocaleContextHolder.getLocale();
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem problem : problems) {
      String label = messages.getMessage("field." + problem.field(), null, problem.field(), locale);
      errors.putIfAbsent(problem.field(), problem.message() != null ? problem.message()
          : messages.getMessage("reason." + problem.reason(), new Object[] {label}, problem.reason(), locale));
    }
    return errors;
  }

  /** Months as typed (a comma or a point before the decimals); what is not a number goes to the rules as text. */
  private static Object number(String value) {
    try {
      BigDecimal number = new BigDecimal(value.trim().replace(',', '.')).stripTrailingZeros();
      return number.scale() <= 0 ? (Object) number.intValueExact() : (Object) number.doubleValue();
    } catch (NumberFormatException | ArithmeticException e) {
      return value;
    }
  }
}
