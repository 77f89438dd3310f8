package vn.party.evaluation.process.validation;

import static vn.party.evaluation.process.ProcessVariables.ALL_TASKS_DONE;
import static vn.party.evaluation.process.ProcessVariables.ALL_TASKS_ON_TIME;
import static vn.party.evaluation.process.ProcessVariables.BRANCH_COMMENT;
import static vn.party.evaluation.process.ProcessVariables.BRANCH_PROPOSED_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.CIVIL_SERVICE_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.CONCLUDED_DEGRADATION;
import static vn.party.evaluation.process.ProcessVariables.CONCLUDED_FAILED_TO_SET_EXAMPLE;
import static vn.party.evaluation.process.ProcessVariables.CONCLUDED_FORBIDDEN_CONDUCT;
import static vn.party.evaluation.process.ProcessVariables.DECIDED_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.DECISION;
import static vn.party.evaluation.process.ProcessVariables.DECISION_COMMENT;
import static vn.party.evaluation.process.ProcessVariables.ELIGIBLE_VOTERS;
import static vn.party.evaluation.process.ProcessVariables.EXCEEDING_TASKS_PERCENT;
import static vn.party.evaluation.process.ProcessVariables.EXCELLENT_ALLOWED;
import static vn.party.evaluation.process.ProcessVariables.EXCELLENT_COUNT;
import static vn.party.evaluation.process.ProcessVariables.FORM_KIND;
import static vn.party.evaluation.process.ProcessVariables.GOOD_COUNT;
import static vn.party.evaluation.process.ProcessVariables.LATE_TASKS_PERCENT;
import static vn.party.evaluation.process.ProcessVariables.LEADERSHIP_POST;
import static vn.party.evaluation.process.ProcessVariables.LIMITATIONS;
import static vn.party.evaluation.process.ProcessVariables.QUOTA_REASON;
import static vn.party.evaluation.process.ProcessVariables.REAPPRAISAL_COMMENT;
import static vn.party.evaluation.process.ProcessVariables.REAPPRAISED_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.REGULATION;
import static vn.party.evaluation.process.ProcessVariables.REMEDIAL_MEASURES;
import static vn.party.evaluation.process.ProcessVariables.RERATED_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.RERATING_COMMENT;
import static vn.party.evaluation.process.ProcessVariables.SELF_PROPOSED_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.SHORTCOMINGS_REMEDIED;
import static vn.party.evaluation.process.ProcessVariables.SICK_LEAVE_MONTHS;
import static vn.party.evaluation.process.ProcessVariables.STRENGTHS;
import static vn.party.evaluation.process.ProcessVariables.VOTES_COMPLETED;
import static vn.party.evaluation.process.ProcessVariables.VOTES_EXCELLENT;
import static vn.party.evaluation.process.ProcessVariables.VOTES_GOOD;
import static vn.party.evaluation.process.ProcessVariables.VOTES_NOT_COMPLETED;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import vn.party.evaluation.process.Decision;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.TextLimits;
import vn.party.evaluation.rules.Cap;
import vn.party.evaluation.rules.Grade;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.QuotaCheck;
import vn.party.evaluation.rules.RuleBook;

/**
 * Which variables each user task needs to be completed, and which values they may take.
 *
 * <p>The one place that knows this: the engine applies it through {@link
 * TaskCompletionValidator}, a REST layer may call {@link #check} before completing, and the form
 * tests read {@link #fields} to prove every form asks for every variable. Engine-free on purpose
 * (the caps need the standalone DMN engine of {@link RuleBook}, not the process engine).
 *
 * <p><strong>Level caps.</strong> The level the branch proposes and the level the committee
 * approves must not be above the strictest cap of the member-caps decision ({@link LevelCaps}),
 * computed here from the facts in the variables ({@link #reads}) together with the facts the
 * branch submits in the same completion: refused as {@link FieldError#ABOVE_CAP}, naming the cap.
 * Computed, not read from the displayed {@code levelCap} variable, so a completion can never slip
 * past a fact that arrived after the form was drawn.
 */
public final class TaskCompletionRules {

  /**
   * Longest accepted text. Not the 10 000 of the first draft of the contract: Camunda 7 keeps a
   * String variable in a {@code varchar(4000)} column ({@code ACT_RU_VARIABLE.TEXT_}), so a longer
   * text would pass here and then fail in the database with an unhelpful error.
   */
  public static final int MAX_TEXT_LENGTH = TextLimits.FORM_TEXT;

  /** Sick-leave months the branch may record: a year's worth at most. */
  public static final int MIN_MONTHS = 0;

  public static final int MAX_MONTHS = 12;

  private static final Map<String, List<FieldRule>> RULES =
      Map.of(
          ProcessKeys.COLLECTIVE_SELF_REVIEW,
          List.of(
              FieldRule.level(SELF_PROPOSED_LEVEL, always()),
              FieldRule.text(STRENGTHS, always()),
              // the year's task results (part of I), optional: unstated, they cap nothing
              // (CollectiveCaps)
              new FieldRule(ALL_TASKS_DONE, Kind.YES_NO, never()),
              new FieldRule(LATE_TASKS_PERCENT, Kind.PERCENT, never()),
              FieldRule.text(LIMITATIONS, always()),
              FieldRule.text(REMEDIAL_MEASURES, always())),
          ProcessKeys.COLLECTIVE_DECISION,
          List.of(
              FieldRule.decision(DECISION),
              FieldRule.level(DECIDED_LEVEL, decisionIs(Decision.APPROVE)),
              // a return says why; so does a level other than the one the collective proposed for
              // itself
              FieldRule.text(
                  DECISION_COMMENT,
                  decisionIs(Decision.RETURN).or(levelDiffersFrom(SELF_PROPOSED_LEVEL)))),
          ProcessKeys.SELF_REVIEW,
          selfReview(),
          ProcessKeys.BRANCH_REVIEW,
          List.of(
              FieldRule.level(BRANCH_PROPOSED_LEVEL, always()),
              // the meeting's vote on the member: the proposal must have its share (BranchVote)
              new FieldRule(ELIGIBLE_VOTERS, Kind.VOTERS, always()),
              new FieldRule(VOTES_EXCELLENT, Kind.COUNT, always()),
              new FieldRule(VOTES_GOOD, Kind.COUNT, always()),
              new FieldRule(VOTES_COMPLETED, Kind.COUNT, always()),
              new FieldRule(VOTES_NOT_COMPLETED, Kind.COUNT, always()),
              FieldRule.text(BRANCH_COMMENT, never()),
              FieldRule.months(SICK_LEAVE_MONTHS),
              FieldRule.flag(CONCLUDED_DEGRADATION),
              FieldRule.flag(CONCLUDED_FORBIDDEN_CONDUCT),
              FieldRule.flag(CONCLUDED_FAILED_TO_SET_EXAMPLE)),
          ProcessKeys.COMMITTEE_DECISION,
          List.of(
              FieldRule.decision(DECISION),
              FieldRule.level(DECIDED_LEVEL, decisionIs(Decision.APPROVE)),
              FieldRule.text(DECISION_COMMENT, decisionIs(Decision.RETURN)),
              // required only above the quota, which these rules cannot see: the application's
              // quota check (decision.QuotaAtDecision) requires it at every door; the pages show it
              // in their own confirmation, not among the form's fields
              new FieldRule(QUOTA_REASON, Kind.TEXT, never(), never())),
          ProcessKeys.RERATING_DECISION,
          List.of(
              FieldRule.level(RERATED_LEVEL, always()), FieldRule.text(RERATING_COMMENT, always())),
          // keep the level or change it, always with the grounds
          ProcessKeys.REAPPRAISAL_DECISION,
          List.of(
              FieldRule.level(REAPPRAISED_LEVEL, always()),
              FieldRule.text(REAPPRAISAL_COMMENT, always())),
          // nothing to fill in: the check is the organization's quota (QUOTA_INPUTS)
          ProcessKeys.FINALIZE_RESULTS,
          List.of());

  /** The organization's live quota figures that finalize-results reads (set by the application, never the user). */
  public static final List<String> QUOTA_INPUTS =
      List.of(EXCELLENT_COUNT, GOOD_COUNT, EXCELLENT_ALLOWED);

  /** Body fields of a level adjustment while the results are being finalized: the new level and why. */
  public static final String ADJUSTED_LEVEL = "level";

  public static final String ADJUSTMENT_REASON = "reason";

  private static final List<FieldRule> ADJUSTMENT =
      List.of(
          FieldRule.level(ADJUSTED_LEVEL, always()), FieldRule.text(ADJUSTMENT_REASON, always()));

  /** Which level of which task is capped, and when: the branch's proposal always, the decision on approval. */
  private static final Map<String, CapRule> CAPPED =
      Map.of(
          ProcessKeys.BRANCH_REVIEW,
          new CapRule(BRANCH_PROPOSED_LEVEL, always()),
          ProcessKeys.COMMITTEE_DECISION,
          new CapRule(DECIDED_LEVEL, decisionIs(Decision.APPROVE)),
          ProcessKeys.RERATING_DECISION,
          new CapRule(RERATED_LEVEL, always()),
          ProcessKeys.REAPPRAISAL_DECISION,
          new CapRule(REAPPRAISED_LEVEL, always()),
          ProcessKeys.COLLECTIVE_DECISION,
          new CapRule(
              DECIDED_LEVEL, decisionIs(Decision.APPROVE), CollectiveCaps::strictest, List.of()));

  /** What the collective decision reads besides its fields: the caps' facts and the self-proposed level. */
  private static final List<String> COLLECTIVE_DECISION_READS =
      concat(CollectiveCaps.INPUTS, SELF_PROPOSED_LEVEL);

  /** What the branch review reads besides its fields: the caps' facts and the configured vote rule. */
  private static final List<String> BRANCH_REVIEW_READS =
      concat(LevelCaps.INPUTS, BranchVote.RULE_INPUTS);

  /** What the self-review reads besides its fields: the form's facts and the sections' minimum lengths. */
  private static final List<String> SELF_REVIEW_READS =
      concat(
          List.of(REGULATION, LEADERSHIP_POST, CIVIL_SERVICE_LEVEL, FORM_KIND),
          SelfReviewRules.minLengthVariables());

  private TaskCompletionRules() {}

  /**
   * Mẫu 02A/02B (and the probationary member's 10-KNĐ, which has its own criteria and no III–V: {@link
   * SelfReviewRules#formOf}) in form order: I (the summary, then each criterion's text, grade and — under 366 —
   * points; the task conditions of the 366 levels), II–VI, VII. Required: the self-proposed level and the sections a
   * self-criticism requires ({@link SelfReviewRules#REQUIRED_SECTIONS}, their minimum lengths too); the cross-field
   * checks are {@link SelfReviewRules}'.
   */
  private static List<FieldRule> selfReview() {
    List<FieldRule> rules = new ArrayList<>();
    rules.add(FieldRule.text(STRENGTHS, requiredSection(STRENGTHS)));
    Predicate<Map<String, ?>> scored =
        variables ->
            SelfReviewRules.regulation(variables)
                .map(regulation -> SelfReviewRules.scored(CapRules.RULES, regulation))
                .orElse(true);
    for (SelfReviewRules.Criterion criterion : SelfReviewRules.CRITERIA) {
      Predicate<Map<String, ?>> onForm =
          variables -> criterion.on(SelfReviewRules.formOf(variables));
      rules.add(new FieldRule(criterion.field(), Kind.LONG_TEXT, never(), onForm));
      rules.add(new FieldRule(criterion.gradeField(), Kind.GRADE, never(), onForm));
      rules.add(new FieldRule(criterion.pointsField(), Kind.POINTS, never(), onForm.and(scored)));
    }
    rules.add(new FieldRule(ALL_TASKS_ON_TIME, Kind.FLAG, never(), scored));
    rules.add(new FieldRule(EXCEEDING_TASKS_PERCENT, Kind.PERCENT, never(), scored));
    rules.add(new FieldRule(SHORTCOMINGS_REMEDIED, Kind.FLAG, never(), scored));
    rules.add(FieldRule.text(LIMITATIONS, requiredSection(LIMITATIONS)));
    rules.add(
        new FieldRule(
            SelfReviewRules.SHORTCOMINGS_FIXED,
            Kind.LONG_TEXT,
            requiredSection(SelfReviewRules.SHORTCOMINGS_FIXED),
            officialForm(SelfReviewRules.SHORTCOMINGS_FIXED)));
    rules.add(
        new FieldRule(
            SelfReviewRules.REVIEW_ISSUES_ANSWERS,
            Kind.LONG_TEXT,
            never(),
            officialForm(SelfReviewRules.REVIEW_ISSUES_ANSWERS)));
    rules.add(
        new FieldRule(
            SelfReviewRules.COLLECTIVE_RESPONSIBILITY,
            Kind.LONG_TEXT,
            never(),
            officialForm(SelfReviewRules.COLLECTIVE_RESPONSIBILITY)));
    rules.add(FieldRule.text(REMEDIAL_MEASURES, requiredSection(REMEDIAL_MEASURES)));
    rules.add(FieldRule.level(SELF_PROPOSED_LEVEL, always()));
    rules.add(
        new FieldRule(
            SelfReviewRules.CIVIL_SERVICE_SELF_PROPOSED_LEVEL,
            Kind.LEVEL,
            never(),
            officialForm(SelfReviewRules.CIVIL_SERVICE_SELF_PROPOSED_LEVEL)));
    return List.copyOf(rules);
  }

  /** A section the member's form requires ({@link SelfReviewRules#requiredSection}). */
  private static Predicate<Map<String, ?>> requiredSection(String field) {
    return variables -> SelfReviewRules.requiredSection(field, variables);
  }

  /** Shown only on the official members' forms (02A/02B), not on the probationary member's 10-KNĐ. */
  private static Predicate<Map<String, ?>> officialForm(String field) {
    return variables -> SelfReviewRules.onForm(field, variables);
  }

  /** Whether there are rules for this task definition key. */
  public static boolean covers(String taskKey) {
    return RULES.containsKey(taskKey);
  }

  /**
   * The completion variables of a task, required or optional, in form order.
   *
   * @throws IllegalArgumentException for a task without rules
   */
  public static List<String> fields(String taskKey) {
    return rulesFor(taskKey).stream().map(FieldRule::field).toList();
  }

  /**
   * The variables other than the task's own {@link #fields} that {@link #check} reads: the
   * regulation and the facts behind the level caps ({@link LevelCaps#INPUTS}) for the capped tasks,
   * none for the others. A REST layer checking a request before completing passes the task's
   * current values of these along with the submitted fields (the submitted ones win).
   *
   * @throws IllegalArgumentException for a task without rules
   */
  public static List<String> reads(String taskKey) {
    rulesFor(taskKey);
    if (ProcessKeys.FINALIZE_RESULTS.equals(taskKey)) {
      return QUOTA_INPUTS;
    }
    if (ProcessKeys.COMMITTEE_DECISION.equals(taskKey)) {
      // approving another level than the branch proposed needs a reason
      List<String> reads = new ArrayList<>(LevelCaps.INPUTS);
      reads.add(BRANCH_PROPOSED_LEVEL);
      return List.copyOf(reads);
    }
    if (ProcessKeys.COLLECTIVE_DECISION.equals(taskKey)) {
      return COLLECTIVE_DECISION_READS;
    }
    if (ProcessKeys.SELF_REVIEW.equals(taskKey)) {
      return SELF_REVIEW_READS;
    }
    if (ProcessKeys.BRANCH_REVIEW.equals(taskKey)) {
      return BRANCH_REVIEW_READS;
    }
    return CAPPED.containsKey(taskKey) ? LevelCaps.INPUTS : List.of();
  }

  /**
   * The variables among {@code names} that the task's form does not own, refused as {@link FieldError#UNKNOWN_FIELD}:
   * all of them for a task without rules. The one answer to "may a person write this variable through this task",
   * asked by the engine for every door (engine REST in both path forms, the webapps, the domain API, Java callers).
   */
  public static List<FieldError> unowned(String taskKey, Collection<String> names) {
    List<String> fields = covers(taskKey) ? fields(taskKey) : List.of();
    return names.stream()
        .filter(name -> !fields.contains(name))
        .sorted()
        .map(name -> new FieldError(name, FieldError.UNKNOWN_FIELD))
        .toList();
  }

  /**
   * The form's rules for the values sent, and only those: the refusals that name a sent field, except the ones that
   * need the whole completion (required fields, the vote's share and a section's minimum length, which read settings
   * the application puts on the task). For a write that is not a completion and so never meets the completion
   * listener (e.g. {@code resolve}). The long texts are judged by {@link SelfReviewRules#MAX_LONG_TEXT_LENGTH}, as on
   * the pages and the domain API: the engine gets what fits of them and the application keeps them whole, whatever
   * the door.
   */
  public static List<FieldError> checkSent(String taskKey, Map<String, ?> values) {
    if (!covers(taskKey)) {
      return unowned(taskKey, values.keySet());
    }
    return check(taskKey, values, SelfReviewRules.MAX_LONG_TEXT_LENGTH, false).errors().stream()
        .filter(error -> values.containsKey(error.field()))
        .filter(error -> !FieldError.VOTE_NOT_SUPPORTED.equals(error.reason()))
        // a section's minimum length is the task's setting, read at completion
        .filter(error -> !FieldError.SECTION_TOO_SHORT.equals(error.reason()))
        .filter(error -> !FieldError.REQUIRED.equals(error.reason()))
        .toList();
  }

  /**
   * Checks the variables a task would be completed with.
   *
   * @param taskKey the task definition key, e.g. {@code self-review}
   * @param variables the variables visible to the task at completion (values may be null),
   *     including those it {@link #reads}
   * @return the refused fields, in form order; empty when the completion may go ahead
   * @throws IllegalArgumentException for a task without rules, or a {@code regulation} variable
   *     that names no regulation
   */
  public static List<FieldError> check(String taskKey, Map<String, ?> variables) {
    return check(taskKey, variables, MAX_TEXT_LENGTH, false).errors();
  }

  /**
   * {@link #check}, for values the application keeps in its own tables rather than as engine
   * variables (the self-review on the people's pages and the domain API): the long texts of the
   * self-review may then have up to {@link SelfReviewRules#MAX_LONG_TEXT_LENGTH} characters.
   */
  public static List<FieldError> checkKeptByApplication(String taskKey, Map<String, ?> variables) {
    return check(taskKey, variables, SelfReviewRules.MAX_LONG_TEXT_LENGTH, false).errors();
  }

  /**
   * {@link #check} (or, {@code keptByApplication}, {@link #checkKeptByApplication}) of a completion, with what a
   * self-review that passes gives ({@link CompletionJudgement#outcome}): the rules compute it once, and the review is
   * kept with it.
   */
  public static CompletionJudgement judge(
      String taskKey, Map<String, ?> variables, boolean keptByApplication) {
    return check(
        taskKey,
        variables,
        keptByApplication ? SelfReviewRules.MAX_LONG_TEXT_LENGTH : MAX_TEXT_LENGTH,
        true);
  }

  /** The names of the long texts (kept by the application, never engine variables on its own paths). */
  public static List<String> longTexts(String taskKey) {
    return rulesFor(taskKey).stream()
        .filter(rule -> rule.kind() == Kind.LONG_TEXT)
        .map(FieldRule::field)
        .toList();
  }

  private static CompletionJudgement check(
      String taskKey, Map<String, ?> variables, int longTextLimit, boolean outcomeWhenPassed) {
    List<FieldError> errors = new ArrayList<>();
    for (FieldRule rule : rulesFor(taskKey)) {
      String reason = rule.check(variables, longTextLimit);
      if (FieldError.OUT_OF_RANGE.equals(reason) || FieldError.TOO_LONG.equals(reason)) {
        Long[] bounds = rule.bounds(longTextLimit);
        errors.add(FieldError.bounded(rule.field(), reason, bounds[0], bounds[1]));
      } else if (reason != null) {
        errors.add(new FieldError(rule.field(), reason));
      }
    }
    CapRule capped = CAPPED.get(taskKey);
    if (capped != null) {
      capped.check(variables, errors).ifPresent(errors::add);
    }
    if (ProcessKeys.BRANCH_REVIEW.equals(taskKey)) {
      BranchVote.check(variables, errors).ifPresent(errors::add);
    }
    if (ProcessKeys.COMMITTEE_DECISION.equals(taskKey)) {
      adjustmentWithoutReason(variables, errors).ifPresent(errors::add);
    }
    if (ProcessKeys.FINALIZE_RESULTS.equals(taskKey)) {
      overQuota(variables).ifPresent(errors::add);
    }
    if (ProcessKeys.SELF_REVIEW.equals(taskKey)) {
      CompletionJudgement selfReview =
          SelfReviewRules.check(levelRules(), variables, errors, outcomeWhenPassed);
      errors.addAll(selfReview.errors());
      return new CompletionJudgement(errors, selfReview.outcome());
    }
    return new CompletionJudgement(errors, Optional.empty());
  }

  /**
   * Checks a level adjustment made while the organization's results are being finalized: a level and a reason (the
   * same text rules as the forms), and never above the member's strictest cap, computed from the member's
   * evaluation variables ({@link LevelCaps#INPUTS}) passed along.
   *
   * @param variables {@link #ADJUSTED_LEVEL}, {@link #ADJUSTMENT_REASON} and the cap inputs
   */
  public static List<FieldError> checkAdjustment(Map<String, ?> variables) {
    List<FieldError> errors = new ArrayList<>();
    for (FieldRule rule : ADJUSTMENT) {
      String reason = rule.check(variables, MAX_TEXT_LENGTH);
      if (reason != null) {
        errors.add(new FieldError(rule.field(), reason));
      }
    }
    new CapRule(ADJUSTED_LEVEL, always()).check(variables, errors).ifPresent(errors::add);
    return errors;
  }

  /**
   * Approving another level than the branch proposed is an adjustment: it needs the reason in {@code
   * decisionComment} ({@link FieldError#ADJUSTMENT_REASON_REQUIRED}). Silent while the decision or level is itself
   * refused, or when there is no proposal to compare with.
   */
  private static Optional<FieldError> adjustmentWithoutReason(
      Map<String, ?> variables, List<FieldError> errors) {
    boolean refusedAlready =
        errors.stream()
            .anyMatch(
                error ->
                    error.field().equals(DECISION)
                        || error.field().equals(DECIDED_LEVEL)
                        || error.field().equals(DECISION_COMMENT));
    if (refusedAlready
        || !decisionIs(Decision.APPROVE).test(variables)
        || !(variables.get(DECIDED_LEVEL) instanceof String decided)
        || !(variables.get(BRANCH_PROPOSED_LEVEL) instanceof String proposed)
        || proposed.equals(decided)) {
      return Optional.empty();
    }
    Object comment = variables.get(DECISION_COMMENT);
    boolean blank = comment == null || comment instanceof String text && TextCharacters.blank(text);
    return blank
        ? Optional.of(new FieldError(DECISION_COMMENT, FieldError.ADJUSTMENT_REASON_REQUIRED))
        : Optional.empty();
  }

  /**
   * The organization over its EXCELLENT quota ({@link QuotaCheck#withinQuota}) cannot be finalized: refused as
   * {@link FieldError#OVER_QUOTA} on {@code excellentCount}, with the figures. Missing figures are refused too (the
   * application sets them; without them nothing is known to be within the quota).
   */
  private static Optional<FieldError> overQuota(Map<String, ?> variables) {
    if (!(variables.get(EXCELLENT_COUNT) instanceof Number excellent)
        || !(variables.get(GOOD_COUNT) instanceof Number good)
        || !(variables.get(EXCELLENT_ALLOWED) instanceof Number allowed)) {
      return Optional.of(new FieldError(EXCELLENT_COUNT, FieldError.REQUIRED));
    }
    QuotaCheck quota =
        new QuotaCheck(excellent.intValue(), good.intValue(), null, allowed.intValue());
    return quota.withinQuota()
        ? Optional.empty()
        : Optional.of(new FieldError(EXCELLENT_COUNT, FieldError.OVER_QUOTA, null, quota));
  }

  private static List<FieldRule> rulesFor(String taskKey) {
    List<FieldRule> rules = RULES.get(taskKey);
    if (rules == null) {
      throw new IllegalArgumentException("No completion rules for task '" + taskKey + "'");
    }
    return rules;
  }

  private static Predicate<Map<String, ?>> always() {
    return variables -> true;
  }

  private static Predicate<Map<String, ?>> never() {
    return variables -> false;
  }

  private static Predicate<Map<String, ?>> decisionIs(Decision decision) {
    return variables -> decision.name().equals(variables.get(DECISION));
  }

  /** An approval with a decided level other than the one in {@code otherField}. */
  private static Predicate<Map<String, ?>> levelDiffersFrom(String otherField) {
    return variables ->
        Decision.APPROVE.name().equals(variables.get(DECISION))
            && variables.get(DECIDED_LEVEL) instanceof String decided
            && !decided.isBlank()
            && !decided.equals(variables.get(otherField));
  }

  private static List<String> concat(List<String> list, String more) {
    return concat(list, List.of(more));
  }

  private static List<String> concat(List<String> list, List<String> more) {
    List<String> all = new ArrayList<>(list);
    all.addAll(more);
    return List.copyOf(all);
  }

  /**
   * What a form field holds: a {@code Level} name, a {@code Decision} name, free text, a number of months ({@link
   * #MIN_MONTHS}–{@link #MAX_MONTHS}, a Number) or a flag (a Boolean, a checkbox).
   */
  public enum Kind {
    LEVEL,
    DECISION,
    TEXT,
    MONTHS,
    FLAG,
    /** Free text that may be longer than an engine variable when the application keeps it. */
    LONG_TEXT,
    /** A criterion grade ({@link Grade} name). */
    GRADE,
    /** Points of one criterion: a number from 0 (its group's maximum is checked by SelfReviewRules). */
    POINTS,
    /** A share, 0–100. */
    PERCENT,
    /** A whole number of votes, 0–{@link BranchVote#MAX_VOTERS}. */
    COUNT,
    /** A whole number of voters, 1–{@link BranchVote#MAX_VOTERS}. */
    VOTERS,
    /**
     * A Boolean that may be left unstated (null), offered as a choice of yes / no rather than a checkbox: its "no"
     * caps the level, so an untouched field must send nothing rather than the false of an unticked box.
     */
    YES_NO
  }

  /** The member-caps decision, parsed once on first use. Caps read no RuleSettings: the defaults are exact. */
  private static final class CapRules {
    static final RuleBook RULES = new RuleBook();
  }

  /**
   * The rule book a self-review's level is computed with: the application's configured one once it is {@link
   * #useRules given} (its settings, such as the score under which a member is NOT_COMPLETED, are configurable and
   * unverified), the defaults until then (the processes without the application, unit tests).
   */
  private static volatile RuleBook configured;

  /** Gives the application's configured rule book (see {@link #configured}). */
  public static void useRules(RuleBook rules) {
    configured = rules;
  }

  private static RuleBook levelRules() {
    RuleBook rules = configured;
    return rules != null ? rules : CapRules.RULES;
  }

  /**
   * A level that must not be above the strictest cap ({@code capOf}: a member's by default, or a collective's), when
   * {@code appliesWhen} holds; {@code facts} are fields the same completion submits that the cap reads.
   */
  private record CapRule(
      String levelField,
      Predicate<Map<String, ?>> appliesWhen,
      BiFunction<RuleBook, Map<String, ?>, Optional<Cap>> capOf,
      List<String> facts) {

    CapRule(String levelField, Predicate<Map<String, ?>> appliesWhen) {
      this(levelField, appliesWhen, LevelCaps::strictest, LevelCaps.BRANCH_FACTS);
    }

    /** The refusal, if the level is above the cap; nothing while the level or a fact is itself refused. */
    Optional<FieldError> check(Map<String, ?> variables, List<FieldError> errors) {
      boolean factsOrLevelRefused =
          errors.stream()
              .anyMatch(error -> error.field().equals(levelField) || facts.contains(error.field()));
      if (factsOrLevelRefused
          || !appliesWhen.test(variables)
          || !(variables.get(levelField) instanceof String name)) {
        return Optional.empty();
      }
      Optional<Level> level = Level.parse(name);
      if (level.isEmpty()) {
        return Optional.empty();
      }
      return capOf
          .apply(CapRules.RULES, variables)
          .filter(cap -> cap.lowers(level.get()))
          .map((Cap cap) -> new FieldError(levelField, FieldError.ABOVE_CAP, cap));
    }
  }

  /** A form field: its variable name and kind, for a client that draws the form (e.g. the people's pages). */
  public record FormField(String name, Kind kind) {}

  /**
   * The form of a task, in form order.
   *
   * @throws IllegalArgumentException for a task without rules
   */
  public static List<FormField> form(String taskKey) {
    return rulesFor(taskKey).stream()
        .map(rule -> new FormField(rule.field(), rule.kind()))
        .toList();
  }

  /**
   * The form of a task as this case shows it ({@link #reads} among the variables): without the
   * 02B items for a member who holds no leadership post, without points under a regulation that
   * scores nothing.
   */
  public static List<FormField> form(String taskKey, Map<String, ?> variables) {
    return rulesFor(taskKey).stream()
        .filter(rule -> rule.shownWhen().test(variables))
        .map(rule -> new FormField(rule.field(), rule.kind()))
        .toList();
  }

  /** One variable: its kind decides the allowed values, {@code requiredWhen} whether it may be absent. */
  private record FieldRule(
      String field,
      Kind kind,
      Predicate<Map<String, ?>> requiredWhen,
      Predicate<Map<String, ?>> shownWhen) {

    FieldRule(String field, Kind kind, Predicate<Map<String, ?>> requiredWhen) {
      this(field, kind, requiredWhen, always());
    }

    static FieldRule level(String field, Predicate<Map<String, ?>> requiredWhen) {
      return new FieldRule(field, Kind.LEVEL, requiredWhen);
    }

    static FieldRule decision(String field) {
      return new FieldRule(field, Kind.DECISION, always());
    }

    static FieldRule text(String field, Predicate<Map<String, ?>> requiredWhen) {
      return new FieldRule(field, Kind.TEXT, requiredWhen);
    }

    /** An optional number of months, {@link #MIN_MONTHS}–{@link #MAX_MONTHS}. */
    static FieldRule months(String field) {
      return new FieldRule(field, Kind.MONTHS, never());
    }

    /** An optional true/false (a checkbox). */
    static FieldRule flag(String field) {
      return new FieldRule(field, Kind.FLAG, never());
    }

    /** The least and the most a value of this field may be (characters for a text), null where unbounded. */
    Long[] bounds(int longTextLimit) {
      return switch (kind) {
        case PERCENT -> new Long[] {0L, 100L};
        case MONTHS -> new Long[] {(long) MIN_MONTHS, (long) MAX_MONTHS};
        case TEXT -> new Long[] {null, (long) MAX_TEXT_LENGTH};
        case LONG_TEXT -> new Long[] {null, (long) longTextLimit};
        default -> new Long[] {null, null};
      };
    }

    /** The reason the value is refused, or null when it is acceptable. */
    String check(Map<String, ?> variables, int longTextLimit) {
      Object value = variables.get(field);
      // A form sends an untouched field as "" (or whitespace): treat it like a missing value.
      if (value == null || value instanceof String text && TextCharacters.blank(text)) {
        return requiredWhen.test(variables) ? FieldError.REQUIRED : null;
      }
      return switch (kind) {
        case LEVEL ->
            value instanceof String name && Level.parse(name).isPresent()
                ? null
                : FieldError.INVALID_LEVEL;
        case DECISION ->
            value instanceof String name && Decision.parse(name).isPresent()
                ? null
                : FieldError.INVALID_DECISION;
        case TEXT -> checkText(value, MAX_TEXT_LENGTH);
        case LONG_TEXT -> checkText(value, longTextLimit);
        case MONTHS -> checkMonths(value);
        case FLAG, YES_NO -> value instanceof Boolean ? null : FieldError.NOT_A_FLAG;
        case GRADE ->
            value instanceof String name && Grade.parse(name).isPresent()
                ? null
                : FieldError.INVALID_GRADE;
        case POINTS ->
            !(value instanceof Number number) || !Double.isFinite(number.doubleValue())
                ? FieldError.NOT_A_NUMBER
                : number.doubleValue() < 0 ? FieldError.POINTS_OUT_OF_RANGE : null;
        case PERCENT ->
            !(value instanceof Number number) || !Double.isFinite(number.doubleValue())
                ? FieldError.NOT_A_NUMBER
                : number.doubleValue() < 0 || number.doubleValue() > 100
                    ? FieldError.OUT_OF_RANGE
                    : null;
        case COUNT -> BranchVote.isCount(value) ? null : FieldError.NOT_A_COUNT;
        case VOTERS ->
            BranchVote.isCount(value) && ((Number) value).doubleValue() >= 1
                ? null
                : FieldError.NOT_A_COUNT;
      };
    }

    private static String checkMonths(Object value) {
      // a number, not its text: "4" would be kept as a String variable and read as no sick leave
      if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
        return FieldError.NOT_A_NUMBER;
      }
      double months = number.doubleValue();
      return months >= MIN_MONTHS && months <= MAX_MONTHS ? null : FieldError.OUT_OF_RANGE;
    }

    private static String checkText(Object value, int maxLength) {
      if (!(value instanceof String text)) {
        return FieldError.NOT_TEXT;
      }
      if (text.length() > maxLength) {
        return FieldError.TOO_LONG;
      }
      return TextCharacters.problem(text);
    }
  }
}
