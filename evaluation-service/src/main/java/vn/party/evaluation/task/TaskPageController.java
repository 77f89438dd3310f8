package vn.party.evaluation.task;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.party.evaluation.audit.FormalitySignals;
import vn.party.evaluation.caps.CapExplanation;
import vn.party.evaluation.caps.MemberFactStore;
import vn.party.evaluation.collective.CollectiveAccess;
import vn.party.evaluation.decision.CaseFacts;
import vn.party.evaluation.decision.OrganizationTally;
import vn.party.evaluation.decision.QuotaAtDecision;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.process.Decision;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.process.validation.BranchVote;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.SelfReviewRules;
import vn.party.evaluation.process.validation.TaskCompletionRules;
import vn.party.evaluation.process.validation.TaskCompletionRules.FormField;
import vn.party.evaluation.process.validation.TaskCompletionRules.Kind;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.rules.Grade;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.RuleBook;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.selfreview.RequiredSections;
import vn.party.evaluation.selfreview.SelfReviews;
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
  private final CollectiveAccess collectives;
  private final SelfReviews selfReviews;
  private final Decide decide;

  /** What the issue-14 additions need: the case's facts, the quota at decision, the required sections. */
  @Component
  public record Decide(
      CaseFacts facts,
      QuotaAtDecision quota,
      RequiredSections sections,
      FormalitySignals signals,
      RuleBook rules) {}

  private final MemberFactStore unitAssessments;

  public TaskPageController(
      TaskWork work,
      MessageSource messages,
      EvaluationRecords records,
      OrganizationTally tally,
      CollectiveAccess collectives,
      SelfReviews selfReviews,
      Decide decide,
      MemberFactStore unitAssessments) {
    this.decide = decide;
    this.unitAssessments = unitAssessments;
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
    // the inspection committee sees every open task, to read; none is theirs to do
    model.addAttribute("readOnly", user.isAuditor());
    return "tasks/list";
  }

  @GetMapping("/app/tasks/{id}")
  public String form(
      @PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
    TaskForm form = inLanguage(id, work.formAsOpened(id, user));
    if (ProcessKeys.FINALIZE_RESULTS.equals(form.task().taskKey())) {
      // finalizing is done on the organization's finalization page (counts, gauge, adjustments)
      return "redirect:/app/campaigns/"
          + work.organizationOf(id)
          + "/"
          + form.task().year()
          + "/finalization";
    }
    if (ProcessKeys.COMMITTEE_DECISION.equals(form.task().taskKey())
        && !form.values().containsKey(ProcessVariables.DECIDED_LEVEL)) {
      // the committee starts from the branch's proposal: the level is filled in, a change needs its
      // reason
      records
          .find(form.task().year(), form.task().memberId())
          .map(r -> r.branchProposedLevel())
          .ifPresent(
              level -> {
                form.values().put(ProcessVariables.DECIDED_LEVEL, level);
                model.addAttribute("prefilled", true);
              });
    }
    model.addAttribute("form", form);
    // a kept draft with what the submission will refuse: those beside their fields, right after
    // "Lưu nháp" and whenever the draft is opened again (outsider of session 14, finding 3)
    if (!model.containsAttribute(DRAFT_WARNINGS) && !form.draftWarnings().isEmpty()) {
      model.addAttribute(
          DRAFT_WARNINGS, new LinkedHashMap<>(errors(inFormOrder(form, form.draftWarnings()))));
      // told on opening, not as news: the summary neither alerts nor takes the focus
      model.addAttribute("draftReopened", true);
    }
    model.addAttribute(
        "errors",
        model.containsAttribute(DRAFT_WARNINGS) ? model.getAttribute(DRAFT_WARNINGS) : Map.of());
    addTally(form, model);
    // a collective's task: its self-review (Mẫu 01) in view for the raters, with a link to its
    // record
    work.collectiveOf(id)
        .ifPresent(
            collective ->
                model.addAttribute(
                    "collective", collectives.view(form.task().year(), collective, user)));
    return "tasks/form";
  }

  @PostMapping("/app/tasks/{id}/claim")
  public String claim(
      @PathVariable String id,
      @AuthenticationPrincipal CurrentUser user,
      RedirectAttributes flash) {
    work.claim(id, user);
    flash.addFlashAttribute("notice", "notice.claimed");
    return "redirect:/app/tasks/" + id;
  }

  @PostMapping("/app/tasks/{id}/unclaim")
  public String unclaim(
      @PathVariable String id,
      @AuthenticationPrincipal CurrentUser user,
      RedirectAttributes flash) {
    work.unclaim(id, user);
    flash.addFlashAttribute("notice", "notice.unclaimed");
    return "redirect:/app/tasks";
  }

  /** The flash attribute of a kept draft's warnings, field → words. */
  static final String DRAFT_WARNINGS = "draftWarnings";

  /** Save as draft ({@code action=draft}) or submit ({@code action=submit}); a refusal shows next to each field. */
  @PostMapping("/app/tasks/{id}")
  public String save(
      @PathVariable String id,
      @RequestParam(defaultValue = "draft") String action,
      @RequestParam MultiValueMap<String, String> params,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      RedirectAttributes flash,
      HttpServletResponse response) {
    TaskForm form = work.form(id, user);
    Map<String, Object> values = new LinkedHashMap<>();
    for (FormField field : form.fields()) {
      String value = params.getFirst(field.name());
      if (field.kind() == Kind.FLAG) {
        values.put(field.name(), value != null); // an unticked checkbox sends nothing
      } else if (field.kind() == Kind.YES_NO) {
        // "not stated" is null, sent as such: it clears what an earlier round (a returned case)
        // stated
        values.put(
            field.name(),
            "true".equals(value)
                ? Boolean.TRUE
                : "false".equals(value)
                    ? Boolean.FALSE
                    : value == null || value.isBlank() ? null : value);
      } else if (field.kind() == Kind.PERCENT && (value == null || value.isBlank())) {
        values.put(
            field.name(),
            null); // left empty: not stated, and no longer what an earlier round stated
      } else if (value != null && !value.isBlank()) {
        boolean numeric =
            field.kind() == Kind.MONTHS
                || field.kind() == Kind.POINTS
                || field.kind() == Kind.PERCENT
                || field.kind() == Kind.COUNT
                || field.kind() == Kind.VOTERS;
        values.put(field.name(), numeric ? number(value) : value.replace("\r\n", "\n"));
      }
    }
    try {
      if ("submit".equals(action)) {
        String key = form.task().taskKey();
        if (form.mayWork() && ProcessKeys.SELF_REVIEW.equals(key)) {
          completeSelfCriticism(id, form, values, params, user, model);
        } else if (form.mayWork() && ProcessKeys.COMMITTEE_DECISION.equals(key)) {
          var record = records.find(form.task().year(), form.task().memberId()).orElseThrow();
          String reason = params.getFirst(QuotaAtDecision.REASON);
          if (reason != null && !reason.isBlank()) {
            // sent as the decision's own field: the completion requires it above the quota at every
            // door and records it (QuotaAtDecision)
            values.put(QuotaAtDecision.REASON, reason.replace("\r\n", "\n").strip());
          }
          boolean confirmed = "true".equals(params.getFirst(QuotaAtDecision.CONFIRMED));
          List<FieldProblem> unconfirmed =
              decide.quota().unconfirmed(record.organizationId(), record.year(), values, confirmed);
          if (!unconfirmed.isEmpty()) {
            List<FieldProblem> all = new ArrayList<>(work.refusing(id, values, user));
            if (all.stream().noneMatch(p -> QuotaAtDecision.REASON.equals(p.field()))) {
              all.addAll(unconfirmed);
            }
            throw ApiException.invalid(all);
          }
          work.complete(id, values, user);
        } else {
          work.complete(id, values, user);
        }
        flash.addFlashAttribute("notice", "notice.submitted");
        return "redirect:/app/tasks";
      }
      List<FieldProblem> warnings = work.saveDraft(id, values, user);
      flash.addFlashAttribute("notice", "notice.draft-saved");
      if (!warnings.isEmpty()) {
        // kept, and said beside the fields: the submission will refuse these until corrected
        flash.addFlashAttribute(
            DRAFT_WARNINGS, new LinkedHashMap<>(errors(inFormOrder(form, warnings))));
      }
      return "redirect:/app/tasks/" + id;
    } catch (ApiException refused) {
      if (refused.problems().isEmpty()) {
        throw refused;
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute(
          "form",
          new TaskForm(
              form.task(),
              form.fields(),
              values,
              form.draftSavedAt(),
              form.mayWork(),
              form.levelCap(),
              inLanguage(id, form).levelCapReason(),
              form.selfReviewOutcome(),
              form.selfReviewForm(),
              List.of()));
      model.addAttribute("errors", errors(refused.problems()));
      // a refused draft is not kept: the page says so above what was typed
      model.addAttribute("draftRefused", !"submit".equals(action));
      model.addAttribute("quotaReason", params.getFirst(QuotaAtDecision.REASON));
      model.addAttribute(
          "quotaConfirmed", "true".equals(params.getFirst(QuotaAtDecision.CONFIRMED)));
      addTally(form, model);
      return "tasks/form";
    }
  }

  /**
   * The cap's reason in the page's language: as stored (Vietnamese) on a Vietnamese page, rebuilt from the caps on an
   * English one; without the line of the level, which the page shows itself.
   */
  private TaskForm inLanguage(String taskId, TaskForm form) {
    Locale locale = LocaleContextHolder.getLocale();
    String reason =
        form.levelCapReason() == null || !CapExplanation.rebuiltIn(locale)
            ? CapExplanation.inLanguage(messages, form.levelCapReason(), locale)
            : work.levelCapReason(taskId, locale);
    // the page shows the level under its own heading: the explanation's line of it not again
    return form.withLevelCapReason(
        form.levelCap() != null ? CapExplanation.belowTheLevel(reason) : reason);
  }

  /**
   * The committee decides with the organization's live counts and the quota gauge in view; the branch and the
   * committee see the comments from outside the branch (or that they are missing) beside the member's own review.
   */
  private void addTally(TaskForm form, Model model) {
    if (ProcessKeys.BRANCH_REVIEW.equals(form.task().taskKey())
        || ProcessKeys.COMMITTEE_DECISION.equals(form.task().taskKey())) {
      records
          .find(form.task().year(), form.task().memberId())
          .ifPresent(record -> model.addAttribute("evaluation", record));
      // the member's own review beside the proposal: the self-proposed level, the points and the
      // level they give
      selfReviews
          .latest(form.task().year(), form.task().memberId())
          .ifPresent(review -> model.addAttribute("selfReview", review));
      // who in the unit assessed the member, the civil-service level and the tasks completed, as
      // received
      unitAssessments
          .assessmentCheck(form.task().year(), form.task().memberId())
          .latest()
          .ifPresent(assessment -> model.addAttribute("unitAssessment", assessment));
    }
    if (ProcessKeys.COMMITTEE_DECISION.equals(form.task().taskKey())) {
      records
          .find(form.task().year(), form.task().memberId())
          .ifPresent(
              record -> {
                OrganizationTally.Tally now = tally.of(record.organizationId(), record.year());
                model.addAttribute("tally", now);
                // approving one more EXCELLENT now would go above the quota of the moment: the page
                // asks to confirm
                model.addAttribute("quotaIfExcellent", decide.quota().withOneMore(now));
                // the facts the committee decides on: the branch's proposal, its vote, its comment
                // and the minutes
                decide
                    .facts()
                    .proposal(record)
                    .ifPresent(proposal -> model.addAttribute("proposal", proposal));
              });
    }
    if (ProcessKeys.BRANCH_REVIEW.equals(form.task().taskKey())
        || ProcessKeys.COMMITTEE_DECISION.equals(form.task().taskKey())) {
      decide
          .facts()
          .openReturn(form.task().year(), form.task().memberId())
          .ifPresent(returned -> model.addAttribute("returned", returned));
    }
    if (ProcessKeys.SELF_REVIEW.equals(form.task().taskKey())) {
      model.addAttribute(
          "layout",
          SelfReviewLayout.of(
              form.fields(),
              Optional.ofNullable(work.regulationOf(form.task().id())),
              decide.rules()));
      model.addAttribute("requiredSections", RequiredSections.SECTIONS);
    }
  }

  /**
   * A self-review is a self-criticism: the sections the regulation requires must say something — the completion
   * rules' check, the same at every door (SelfReviewRules), here before anything else so every problem shows at once —
   * and a text that is a near copy of the member's own earlier review or of another member's is shown to the member,
   * who revises it or confirms it.
   */
  /**
   * Completes a self-criticism through the one completion path (the rules once, {@link TaskWork#complete}); once
   * the rules passed and before anything is kept, a near copy must be acknowledged.
   */
  private void completeSelfCriticism(
      String id,
      TaskForm form,
      Map<String, Object> values,
      MultiValueMap<String, String> params,
      CurrentUser user,
      Model model) {
    try {
      work.complete(id, values, user, () -> acknowledgedResemblance(form, values, params, model));
    } catch (ApiException refused) {
      if (refused.problems().isEmpty()) {
        throw refused;
      }
      // the summary lists them in the form's order (the near copy's refusal last)
      throw ApiException.invalid(inFormOrder(form, refused.problems()));
    }
  }

  /** The problems in the form's order (what no field of the form names last), as the summary lists them. */
  private static List<FieldProblem> inFormOrder(TaskForm form, List<FieldProblem> problems) {
    List<FieldProblem> ordered = new ArrayList<>(problems);
    List<String> order = form.fields().stream().map(FormField::name).toList();
    ordered.sort(
        Comparator.comparingInt(
            p -> order.indexOf(p.field()) < 0 ? Integer.MAX_VALUE : order.indexOf(p.field())));
    return ordered;
  }

  /** Refuses a self-criticism that nearly copies another, unless the member said they know. */
  private void acknowledgedResemblance(
      TaskForm form,
      Map<String, Object> values,
      MultiValueMap<String, String> params,
      Model model) {
    if (!"true".equals(params.getFirst(SIMILARITY_ACKNOWLEDGED))) {
      var record = records.find(form.task().year(), form.task().memberId()).orElseThrow();
      decide
          .signals()
          .resemblance(record.year(), record.memberId(), record.organizationId(), values)
          .ifPresent(
              resemblance -> {
                model.addAttribute("resemblance", resemblance);
                throw ApiException.invalid(
                    List.of(
                        new FieldProblem(
                            SIMILARITY_ACKNOWLEDGED, "near-copy-unacknowledged", null)));
              });
    }
  }

  /** The member's confirmation that a near copy is what they mean to submit (a form field, never a variable). */
  static final String SIMILARITY_ACKNOWLEDGED = "similarityAcknowledged";

  /** What every rendering of a task form needs besides the task. */
  @ModelAttribute
  void formChoices(Model model) {
    model.addAttribute("levels", Level.values());
    model.addAttribute("grades", Grade.values());
    model.addAttribute("maxLongText", SelfReviewRules.MAX_LONG_TEXT_LENGTH);
    model.addAttribute("decisions", Decision.values());
    model.addAttribute("maxText", TaskCompletionRules.MAX_TEXT_LENGTH);
    model.addAttribute("maxMonths", TaskCompletionRules.MAX_MONTHS);
    model.addAttribute("maxVoters", BranchVote.MAX_VOTERS);
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
      boolean emptySection =
          RequiredSections.SECTIONS.contains(problem.field())
              && (FieldError.SECTION_TOO_SHORT.equals(problem.reason())
                  || FieldError.REQUIRED.equals(problem.reason()));
      if (emptySection) {
        // blank or too short, one message: the section is required and needs its minimum length;
        // named by its label (field.*), the words of its heading and of every other refusal
        errors.putIfAbsent(
            problem.field(),
            messages.getMessage(
                "reason.section-too-short",
                new Object[] {label, decide.sections().minLength(problem.field())},
                locale));
        continue;
      }
      errors.putIfAbsent(problem.field(), problem.shown(messages, label, locale));
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
