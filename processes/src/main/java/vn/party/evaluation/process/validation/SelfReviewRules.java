package vn.party.evaluation.process.validation;

import static vn.party.evaluation.process.ProcessVariables.ALL_TASKS_ON_TIME;
import static vn.party.evaluation.process.ProcessVariables.CIVIL_SERVICE_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.EXCEEDING_TASKS_PERCENT;
import static vn.party.evaluation.process.ProcessVariables.FORM_KIND;
import static vn.party.evaluation.process.ProcessVariables.LEADERSHIP_POST;
import static vn.party.evaluation.process.ProcessVariables.LIMITATIONS;
import static vn.party.evaluation.process.ProcessVariables.REGULATION;
import static vn.party.evaluation.process.ProcessVariables.REMEDIAL_MEASURES;
import static vn.party.evaluation.process.ProcessVariables.SELF_PROPOSED_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.SELF_REVIEW_VERSION;
import static vn.party.evaluation.process.ProcessVariables.SHORTCOMINGS_REMEDIED;
import static vn.party.evaluation.process.ProcessVariables.STRENGTHS;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import vn.party.evaluation.process.TextLimits;
import vn.party.evaluation.rules.CriteriaAssessment;
import vn.party.evaluation.rules.CriterionGroup;
import vn.party.evaluation.rules.FormKind;
import vn.party.evaluation.rules.Grade;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.LevelResult;
import vn.party.evaluation.rules.Regulation;
import vn.party.evaluation.rules.RuleBook;
import vn.party.evaluation.rules.ScoreAssessment;

/**
 * The self-review of Mẫu 02A (and the leader's extra items of Mẫu 02B), or of Mẫu 10-KNĐ for a
 * probationary member: its criteria, and what
 * follows from the member's grades and points — the totals and the level the rules give ({@link
 * RuleBook#level}, before caps). Used by {@link TaskCompletionRules}, which owns every check.
 *
 * <p><strong>Decisions</strong> (documented in processes/README.md):
 * <ul>
 *   <li>Section I is graded all or nothing: a member who grades one criterion grades every
 *       criterion of their form (and, under 366, gives each its points), so the level that follows
 *       is never computed from half a review. A review without grades stays possible (the level
 *       then follows from nothing and is not shown).
 *   <li>The self-proposed level may not be above the level the member's own grades or points give:
 *       proposing more than one's own assessment supports is a contradiction within the review.
 *       The caps (discipline, civil-service level…) are not applied to the member's proposal; they
 *       bind the branch and the committee.
 *   <li>Who gets the 02B items: members holding a leadership or management post ({@code
 *       leadershipPost}, from {@code party_member.leadership_post}).
 * </ul>
 */
public final class SelfReviewRules {

  /**
   * The self-review forms: which one a member fills in follows from {@code formKind} (member-eligibility) and {@code
   * leadershipPost} ({@link #formOf}); {@link #code} is what the kept submission records.
   */
  public enum Form {
    /** Đảng viên chính thức without a leadership post. */
    F02A("02A"),
    /** Đảng viên chính thức holding a leadership or management post: 02A plus the leader's items. */
    F02B("02B"),
    /** Đảng viên dự bị (whatever post they hold): the probationary member's own form. */
    F10_KND("10-KNĐ");

    private final String code;

    Form(String code) {
      this.code = code;
    }

    /** The form's number as printed on it, e.g. {@code 02A}, {@code 10-KNĐ}. */
    public String code() {
      return code;
    }
  }

  private static final Set<Form> OFFICIAL_FORMS = Set.of(Form.F02A, Form.F02B);
  private static final Set<Form> ALL_FORMS = Set.of(Form.F02A, Form.F02B, Form.F10_KND);

  /** One criterion of section I: its text field, its group, and the forms that have it. */
  public record Criterion(String field, CriterionGroup group, Set<Form> forms) {

    /** Whether only the leader's form (02B) has it. */
    public boolean leadersOnly() {
      return forms.equals(Set.of(Form.F02B));
    }

    public boolean on(Form form) {
      return forms.contains(form);
    }

    public String gradeField() {
      return field + "Grade";
    }

    public String pointsField() {
      return field + "Points";
    }
  }

  /**
   * Section I in the order of the forms: 02A's six criteria, then the four of 02B; the probationary member's 10-KNĐ
   * shares four of 02A's and adds {@code probationDuties} after the task results.
   *
   * <p><strong>Our reading of Mẫu 10-KNĐ</strong> (the notes we work from name its parts, not its full text; change
   * the sets here when the printed form says otherwise): political ideology and awareness; ethics and lifestyle; sense
   * of organization and discipline; results of the assigned work and tasks; carrying out the party member's duties
   * during probation (attending party activities, studying the party's documents, the tasks the branch assigned);
   * then strengths, limitations and causes, remedial measures and the self-proposed level. Under 366 its criteria map
   * onto the two groups without a remainder: the task results (70 points) are the assigned work; the general criteria
   * (30 points) are the other four, the probation duties being party duties rather than work results.
   */
  public static final List<Criterion> CRITERIA =
      List.of(
          new Criterion("politicalIdeology", CriterionGroup.GENERAL, ALL_FORMS),
          new Criterion("ethicsLifestyle", CriterionGroup.GENERAL, ALL_FORMS),
          new Criterion("organizationDiscipline", CriterionGroup.GENERAL, ALL_FORMS),
          new Criterion("workStyle", CriterionGroup.GENERAL, OFFICIAL_FORMS),
          new Criterion("dutiesResults", CriterionGroup.TASK_RESULTS, ALL_FORMS),
          new Criterion("probationDuties", CriterionGroup.GENERAL, Set.of(Form.F10_KND)),
          new Criterion("selfImprovementCommitment", CriterionGroup.GENERAL, OFFICIAL_FORMS),
          new Criterion("leadershipResults", CriterionGroup.TASK_RESULTS, Set.of(Form.F02B)),
          new Criterion("responsibilityInnovation", CriterionGroup.GENERAL, Set.of(Form.F02B)),
          new Criterion("settingExample", CriterionGroup.GENERAL, Set.of(Form.F02B)),
          new Criterion("antiCorruption", CriterionGroup.GENERAL, Set.of(Form.F02B)));

  /** Sections III–V (II and VI are the older {@code limitations} and {@code remedialMeasures}). */
  public static final String SHORTCOMINGS_FIXED = "shortcomingsFixed";

  public static final String REVIEW_ISSUES_ANSWERS = "reviewIssuesAnswers";
  public static final String COLLECTIVE_RESPONSIBILITY = "collectiveResponsibility";

  /** Section VII, as a civil servant (optional: members without a civil-service post have none). */
  public static final String CIVIL_SERVICE_SELF_PROPOSED_LEVEL = "civilServiceSelfProposedLevel";

  /**
   * The fields outside section I that only the official members' forms have (our reading of 10-KNĐ: it has no
   * sections III–V and one self-proposed level, as a party member).
   */
  public static final List<String> OFFICIAL_ONLY_FIELDS =
      List.of(
          SHORTCOMINGS_FIXED,
          REVIEW_ISSUES_ANSWERS,
          COLLECTIVE_RESPONSIBILITY,
          CIVIL_SERVICE_SELF_PROPOSED_LEVEL);

  /**
   * The sections a self-criticism requires (issue 14; Quy định 366 art. on the self-review's content): strengths (I),
   * limitations and their causes (II), the results of remedying earlier shortcomings (III, on the official members'
   * forms only) and the direction and remedies (VI), in form order. A blank or near-blank section is the formal, empty
   * self-review the process exists to stop: each is required and at least {@link #minLength} characters at every door
   * (the people's pages, the domain API, engine REST, Tasklist), checked by {@link TaskCompletionRules}.
   */
  public static final List<String> REQUIRED_SECTIONS =
      List.of(STRENGTHS, LIMITATIONS, SHORTCOMINGS_FIXED, REMEDIAL_MEASURES);

  /** A section's minimum length where the application set none ({@link #minLengthVariable}). */
  public static final int DEFAULT_MIN_LENGTH = 20;

  /** Not an engine variable on the people's pages and the domain API: kept in the application's table. */
  public static final int MAX_LONG_TEXT_LENGTH = TextLimits.SELF_REVIEW_LONG_TEXT;

  private SelfReviewRules() {}

  /**
   * The task-local Integer variable holding a required section's minimum length, e.g. {@code strengthsMinLength}:
   * the application sets it on each self-review task from its settings (never a user: no form owns it); absent, the
   * minimum is {@link #DEFAULT_MIN_LENGTH}.
   */
  public static String minLengthVariable(String section) {
    return section + "MinLength";
  }

  /** The variables {@link #minLengthVariable} of every required section (what the check reads besides the form). */
  public static List<String> minLengthVariables() {
    return REQUIRED_SECTIONS.stream().map(SelfReviewRules::minLengthVariable).toList();
  }

  /** The minimum length of a required section for this task (characters, after trimming). */
  public static int minLength(String section, Map<String, ?> variables) {
    return variables.get(minLengthVariable(section)) instanceof Number number
            && number.intValue() >= 0
        ? number.intValue()
        : DEFAULT_MIN_LENGTH;
  }

  /**
   * Whether {@code field} is a section this member's form requires ({@link #REQUIRED_SECTIONS} on the form). Not
   * once the application has checked the review by these rules and kept it whole in its own table ({@code
   * selfReviewVersion} set, which no person may write): its long texts are then not engine variables, so the engine's
   * own check of the completion does not find them.
   */
  public static boolean requiredSection(String field, Map<String, ?> variables) {
    return REQUIRED_SECTIONS.contains(field)
        && onForm(field, variables)
        && variables.get(SELF_REVIEW_VERSION) == null;
  }

  /** A text's length as the minimum counts it: the characters a reader sees ({@link TextCharacters#visibleLength}). */
  static int sectionLength(String text) {
    return TextCharacters.visibleLength(text);
  }

  /** Whether the regulation scores the self-review (366): from the criterion-points decision. */
  public static boolean scored(RuleBook rules, Regulation regulation) {
    return rules.maxPoints(regulation, CriterionGroup.GENERAL).isPresent();
  }

  /** The criteria of an official member's form: 02A, plus 02B's for a leader. */
  public static List<Criterion> criteriaFor(boolean leader) {
    return criteriaFor(leader ? Form.F02B : Form.F02A);
  }

  /** The criteria of a form, in form order. */
  public static List<Criterion> criteriaFor(Form form) {
    return CRITERIA.stream().filter(c -> c.on(form)).toList();
  }

  /** The member's form: 10-KNĐ for a probationary member, else 02B for a leader, else 02A. */
  public static Form formOf(Map<String, ?> variables) {
    if (FormKind.PROBATIONARY.name().equals(variables.get(FORM_KIND))) {
      return Form.F10_KND;
    }
    return leader(variables) ? Form.F02B : Form.F02A;
  }

  /** Whether a field outside section I is on the member's form ({@link #OFFICIAL_ONLY_FIELDS}). */
  static boolean onForm(String field, Map<String, ?> variables) {
    return !OFFICIAL_ONLY_FIELDS.contains(field) || formOf(variables) != Form.F10_KND;
  }

  static Optional<Regulation> regulation(Map<String, ?> variables) {
    return variables.get(REGULATION) instanceof String code && !code.isBlank()
        ? Optional.of(Regulation.fromCode(code))
        : Optional.empty();
  }

  static boolean leader(Map<String, ?> variables) {
    return Boolean.TRUE.equals(variables.get(LEADERSHIP_POST));
  }

  /**
   * Whether {@code field} is part of the member's own assessment, what {@link #outcome} reads: a criterion's grade or
   * points, or a task condition. A refusal of any other field (a text, the proposal) does not change what the grades
   * and points give.
   */
  public static boolean assessmentField(String field) {
    return CRITERIA.stream()
            .anyMatch(c -> field.equals(c.gradeField()) || field.equals(c.pointsField()))
        || List.of(ALL_TASKS_ON_TIME, EXCEEDING_TASKS_PERCENT, SHORTCOMINGS_REMEDIED)
            .contains(field);
  }

  /** What the grades and points give: the totals per group and overall (null when not scored) and the level. */
  public record Outcome(
      Map<CriterionGroup, Double> points, Double total, Level level, String ruleId) {

    /** Points of the general criteria (out of 30 under 366), null when not scored. */
    public Double generalPoints() {
      return points.get(CriterionGroup.GENERAL);
    }

    /** Points of the task results (out of 70 under 366), null when not scored. */
    public Double taskPoints() {
      return points.get(CriterionGroup.TASK_RESULTS);
    }
  }

  /**
   * What a proposal above the member's own assessment lacks (the twelfth session's outsider, finding 7: a refusal
   * naming nothing): under a score, the task conditions not met without which the proposed level is out of reach
   * even with the others met, and {@code totalPoints} when meeting every condition would still not reach it; under
   * the grades, nothing more than the level they give.
   */
  private static List<String> unmet(
      RuleBook rules, Map<String, ?> variables, Outcome given, Level proposed) {
    Optional<Regulation> regulation = regulation(variables);
    if (given.total() == null || regulation.isEmpty()) {
      return List.of();
    }
    boolean onTime = Boolean.TRUE.equals(variables.get(ALL_TASKS_ON_TIME));
    boolean remedied = Boolean.TRUE.equals(variables.get(SHORTCOMINGS_REMEDIED));
    double percent =
        variables.get(EXCEEDING_TASKS_PERCENT) instanceof Number number
                && number.doubleValue() >= 0
                && number.doubleValue() <= 100
            ? number.doubleValue()
            : 0;
    Predicate<ScoreAssessment> reaches =
        assessment ->
            rules.level(regulation.get(), assessment).level().ordinal() <= proposed.ordinal();
    double total = given.total();
    if (!reaches.test(new ScoreAssessment(total, true, 100, true))) {
      List<String> unmet = new ArrayList<>();
      unmet.add("totalPoints");
      if (!onTime) {
        unmet.add(ALL_TASKS_ON_TIME);
      }
      if (!remedied) {
        unmet.add(SHORTCOMINGS_REMEDIED);
      }
      return unmet;
    }
    List<String> unmet = new ArrayList<>();
    if (!onTime && !reaches.test(new ScoreAssessment(total, false, 100, true))) {
      unmet.add(ALL_TASKS_ON_TIME);
    }
    if (percent < 100 && !reaches.test(new ScoreAssessment(total, true, percent, true))) {
      unmet.add(EXCEEDING_TASKS_PERCENT);
    }
    if (!remedied && !reaches.test(new ScoreAssessment(total, true, 100, false))) {
      unmet.add(SHORTCOMINGS_REMEDIED);
    }
    return unmet;
  }

  /**
   * The totals and the level that follow from a complete section I; empty while it is not complete
   * (or the variables name no regulation). Reads the values as the checks accept them.
   */
  public static Optional<Outcome> outcome(RuleBook rules, Map<String, ?> variables) {
    CompletionCheck.outcomeComputed(variables);
    Optional<Regulation> regulation = regulation(variables);
    if (regulation.isEmpty()) {
      return Optional.empty();
    }
    List<Criterion> criteria = criteriaFor(formOf(variables));
    boolean scored = scored(rules, regulation.get());
    Map<CriterionGroup, Double> points = new EnumMap<>(CriterionGroup.class);
    Map<CriterionGroup, List<Grade>> grades = new EnumMap<>(CriterionGroup.class);
    for (Criterion criterion : criteria) {
      Optional<Grade> grade =
          variables.get(criterion.gradeField()) instanceof String name
              ? Grade.parse(name)
              : Optional.empty();
      if (grade.isEmpty()) {
        return Optional.empty();
      }
      grades.computeIfAbsent(criterion.group(), g -> new ArrayList<>()).add(grade.get());
      if (scored) {
        if (!(variables.get(criterion.pointsField()) instanceof Number number)) {
          return Optional.empty();
        }
        points.merge(criterion.group(), number.doubleValue(), Double::sum);
      }
    }
    LevelResult result;
    Double total = null;
    if (scored) {
      total = points.values().stream().mapToDouble(Double::doubleValue).sum();
      if (total > 100) {
        return Optional.empty(); // refused by the group totals; nothing to derive
      }
      result =
          rules.level(
              regulation.get(),
              new ScoreAssessment(
                  total,
                  Boolean.TRUE.equals(variables.get(ALL_TASKS_ON_TIME)),
                  variables.get(EXCEEDING_TASKS_PERCENT) instanceof Number percent
                          && percent.doubleValue() >= 0
                          && percent.doubleValue() <= 100
                      ? percent.doubleValue()
                      : 0,
                  Boolean.TRUE.equals(variables.get(SHORTCOMINGS_REMEDIED))));
    } else {
      Level civilService =
          variables.get(CIVIL_SERVICE_LEVEL) instanceof String name
              ? Level.parse(name).orElse(null)
              : null;
      result =
          rules.level(
              regulation.get(),
              CriteriaAssessment.ofGrades(
                  grades.get(CriterionGroup.TASK_RESULTS),
                  grades.get(CriterionGroup.GENERAL),
                  civilService));
    }
    return Optional.of(new Outcome(points, total, result.level(), result.rule().ruleId()));
  }

  /**
   * The checks across fields: section I all or nothing, points within their group's maximum, and
   * the self-proposed level not above what the member's own assessment gives. Field-by-field
   * checks (kinds, lengths) are {@link TaskCompletionRules}'. The {@link #outcome} is computed at
   * most once here: for the proposal's check, or, {@code outcomeWhenPassed}, for a review that
   * passes (its keeper takes it from the judgement).
   *
   * @return the refusals beyond {@code fieldErrors}, with the outcome if it was computed
   */
  static CompletionJudgement check(
      RuleBook rules,
      Map<String, ?> variables,
      List<FieldError> fieldErrors,
      boolean outcomeWhenPassed) {
    List<FieldError> errors = new ArrayList<>();
    // a required section that says something, but too little (blank is the field rule's REQUIRED)
    for (String section : REQUIRED_SECTIONS) {
      boolean refusedAlready =
          fieldErrors.stream().anyMatch(error -> error.field().equals(section));
      if (!refusedAlready
          && requiredSection(section, variables)
          && variables.get(section) instanceof String text
          && sectionLength(text) < minLength(section, variables)) {
        errors.add(FieldError.sectionTooShort(section, minLength(section, variables)));
      }
    }
    Optional<Regulation> regulation = regulation(variables);
    if (regulation.isEmpty()) {
      return new CompletionJudgement(errors, Optional.empty());
    }
    Form form = formOf(variables);
    boolean scored = scored(rules, regulation.get());
    // fields not on this member's form: the criteria of the other forms (the 02B items for a
    // non-leader, 02A's and
    // 02B's for a probationary member and back), points and task conditions without a score
    for (Criterion criterion : CRITERIA) {
      List<String> fields = new ArrayList<>(List.of(criterion.field(), criterion.gradeField()));
      fields.add(criterion.pointsField());
      for (String field : fields) {
        boolean offForm = !criterion.on(form) || field.equals(criterion.pointsField()) && !scored;
        if (offForm && present(variables.get(field))) {
          errors.add(new FieldError(field, FieldError.NOT_ON_THIS_FORM));
        }
      }
    }
    for (String field : OFFICIAL_ONLY_FIELDS) {
      if (!onForm(field, variables) && present(variables.get(field))) {
        errors.add(new FieldError(field, FieldError.NOT_ON_THIS_FORM));
      }
    }
    if (!scored) {
      for (String field :
          List.of(ALL_TASKS_ON_TIME, EXCEEDING_TASKS_PERCENT, SHORTCOMINGS_REMEDIED)) {
        if (present(variables.get(field)) && !Boolean.FALSE.equals(variables.get(field))) {
          errors.add(new FieldError(field, FieldError.NOT_ON_THIS_FORM));
        }
      }
    }
    List<Criterion> criteria = criteriaFor(form);
    boolean anyGraded =
        criteria.stream()
            .anyMatch(
                c ->
                    present(variables.get(c.gradeField()))
                        || scored && present(variables.get(c.pointsField())));
    if (anyGraded) {
      for (Criterion criterion : criteria) {
        if (!present(variables.get(criterion.gradeField()))) {
          errors.add(new FieldError(criterion.gradeField(), FieldError.REQUIRED));
        }
        if (scored && !present(variables.get(criterion.pointsField()))) {
          errors.add(new FieldError(criterion.pointsField(), FieldError.REQUIRED));
        }
      }
    }
    // EXCELLENT needs a graded section I (grades, and points under a scored regulation): its
    // conditions — task criteria "Xuất sắc" under 124/132, >= 90 points with the task conditions
    // under 366 — exist only in the member's own grading, so an ungraded proposal of EXCELLENT is
    // above what the member's own assessment supports. One rule at every door (issue 14, part 1):
    // the grades are marked required and the proposal refused above-own-assessment. GOOD and
    // below may still be proposed without grades (the branch's vote and the committee decide).
    // (once the application has kept the whole review, selfReviewVersion, it has checked it: the
    // engine's variables then hold no grades to check again)
    boolean ungradedExcellent =
        !anyGraded
            && variables.get(SELF_REVIEW_VERSION) == null
            && variables.get(SELF_PROPOSED_LEVEL) instanceof String proposal
            && Level.parse(proposal).filter(l -> l == Level.EXCELLENT).isPresent();
    if (ungradedExcellent) {
      for (Criterion criterion : criteria) {
        errors.add(new FieldError(criterion.gradeField(), FieldError.REQUIRED));
        if (scored) {
          errors.add(new FieldError(criterion.pointsField(), FieldError.REQUIRED));
        }
      }
      errors.add(new FieldError(SELF_PROPOSED_LEVEL, FieldError.ABOVE_OWN_ASSESSMENT));
    }
    if (scored) {
      for (CriterionGroup group : CriterionGroup.values()) {
        OptionalInt max = rules.maxPoints(regulation.get(), group);
        List<Criterion> inGroup = criteria.stream().filter(c -> c.group() == group).toList();
        double sum = 0;
        // the group's total is refused on the criterion whose points take it over the maximum: the
        // member reads the
        // error where the total went wrong, not under the group's first criterion
        Criterion crossing = null;
        for (Criterion criterion : inGroup) {
          if (variables.get(criterion.pointsField()) instanceof Number number) {
            if (number.doubleValue() > max.getAsInt()) {
              errors.add(new FieldError(criterion.pointsField(), FieldError.POINTS_OUT_OF_RANGE));
            }
            sum += number.doubleValue();
            if (crossing == null && sum > max.getAsInt()) {
              crossing = criterion;
            }
          }
        }
        if (crossing != null) {
          errors.add(new FieldError(crossing.pointsField(), FieldError.GROUP_TOTAL_TOO_HIGH));
        }
      }
    }
    List<FieldError> all = new ArrayList<>(fieldErrors);
    all.addAll(errors);
    boolean proposalOrAssessmentRefused =
        all.stream()
            .anyMatch(e -> e.field().equals(SELF_PROPOSED_LEVEL) || assessmentField(e.field()));
    Optional<Outcome> outcome = Optional.empty();
    if (!proposalOrAssessmentRefused
        && !ungradedExcellent
        && variables.get(SELF_PROPOSED_LEVEL) instanceof String name) {
      Optional<Level> proposed = Level.parse(name);
      outcome = outcome(rules, variables);
      outcome.ifPresent(
          given -> {
            if (proposed.isPresent() && proposed.get().ordinal() < given.level().ordinal()) {
              errors.add(
                  FieldError.aboveOwnAssessment(
                      SELF_PROPOSED_LEVEL,
                      new FieldError.OwnShortfall(
                          given.level(), unmet(rules, variables, given, proposed.get()))));
            }
          });
    } else if (outcomeWhenPassed && all.isEmpty()) {
      // no proposal to compare: what the grades give, for the review's keeper
      outcome = outcome(rules, variables);
    }
    return new CompletionJudgement(errors, outcome);
  }

  private static boolean present(Object value) {
    return value != null && !(value instanceof String text && text.isBlank());
  }
}
