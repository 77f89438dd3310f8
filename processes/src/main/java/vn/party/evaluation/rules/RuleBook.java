package vn.party.evaluation.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import vn.party.evaluation.rules.flow.DecisionFile;

/**
 * The evaluation rules of every {@link Regulation}, evaluated: the one entry point to the DMN
 * tables in {@code dmn/rules-{code}.dmn}.
 *
 * <p><strong>Why DMN behind a facade.</strong> The rules change with the regulation (132 → 124 →
 * 366) and a campaign keeps the one it started with, so each regulation's rules are a versioned
 * table that a party official can read row by row, each row citing its source. Callers should not
 * need to know DMN: they pass records and get typed answers, each carrying the {@link RuleRef} of
 * the row that produced it, so every rating can be traced to its rule.
 *
 * <p><strong>What is where.</strong> Eligibility, caps and the level are DMN decisions. The quota
 * and the vote thresholds are plain arithmetic here, on {@link RuleSettings}; so are the values in
 * the tables that are unverified (the NOT_COMPLETED score threshold is passed to the table as the
 * variable {@code notCompletedBelow}).
 *
 * <p><strong>Engine.</strong> A standalone Camunda {@link DmnEngine} (FEEL), built once, with the
 * files parsed once in the constructor (by the adapter {@link DecisionFile}); no process engine and no database. Thread-safe: build one
 * per application (a Spring bean) and share it. The constructor fails fast when a file or decision
 * is missing.
 */
public final class RuleBook {

  private final RuleSettings settings;
  private final DmnEngine engine;
  private final Map<String, DmnDecision> decisions = new HashMap<>();
  private final Map<String, String> sources = new HashMap<>();

  /** The matching rules of the evaluation running on this thread, set by the engine's listener. */
  private final ThreadLocal<List<DmnEvaluatedDecisionRule>> matched = new ThreadLocal<>();

  /** With {@link RuleSettings#defaults()}. */
  public RuleBook() {
    this(RuleSettings.defaults());
  }

  public RuleBook(RuleSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.engine =
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
            .customPostDecisionEvaluationListeners(List.of(new MatchRecorder()))
            .buildEngine();
    for (Regulation regulation : Regulation.values()) {
      load(regulation);
    }
  }

  public RuleSettings settings() {
    return settings;
  }

  // --- members --------------------------------------------------------------------------------

  /** Whether the member is rated this year, and on which form (member-eligibility). */
  public Eligibility eligibility(Regulation regulation, MemberFacts facts) {
    RuleMatch match =
        single(
            DecisionKeys.id(DecisionKeys.MEMBER_ELIGIBILITY, regulation), memberVariables(facts));
    return new Eligibility(
        Boolean.TRUE.equals(match.outputs().get(RuleVariables.RATED)),
        reason(match),
        parse(match, RuleVariables.FORM_KIND, FormKind::parse, true),
        match.rule());
  }

  /** Every cap that applies to the member, strictest first (member-caps, hit policy RULE ORDER). */
  public List<Cap> caps(Regulation regulation, MemberFacts facts) {
    return capsOf(DecisionKeys.id(DecisionKeys.MEMBER_CAPS, regulation), memberVariables(facts));
  }

  /** The caps a caps table gives for these variables, strictest first. */
  private List<Cap> capsOf(String decisionId, Map<String, Object> variables) {
    List<Cap> caps = new ArrayList<>();
    for (RuleMatch match : evaluate(decisionId, variables)) {
      caps.add(
          new Cap(
              parse(match, RuleVariables.MAX_LEVEL, Level::parse, false),
              reason(match),
              match.rule()));
    }
    // The table lists its rows strictest first; sort anyway (stable) rather than rely on it.
    caps.sort((a, b) -> Integer.compare(b.maxLevel().ordinal(), a.maxLevel().ordinal()));
    return Collections.unmodifiableList(caps);
  }

  /**
   * The strictest cap, if any: the lowest {@link Cap#maxLevel()} of {@link #caps}; of several
   * equally strict, the first row of the table.
   */
  public Optional<Cap> strictestCap(Regulation regulation, MemberFacts facts) {
    return caps(regulation, facts).stream().findFirst();
  }

  /**
   * The level the assessment gives, before caps (member-level).
   *
   * @param assessment a {@link ScoreAssessment} for 366, a {@link CriteriaAssessment} for 124 and
   *     132 ({@link Assessment#kindFor})
   * @throws IllegalArgumentException for the wrong kind of assessment
   */
  public LevelResult level(Regulation regulation, Assessment assessment) {
    Class<? extends Assessment> kind = Assessment.kindFor(regulation);
    if (!kind.isInstance(assessment)) {
      throw new IllegalArgumentException(
          regulation.code()
              + " rates from a "
              + kind.getSimpleName()
              + ", not a "
              + assessment.getClass().getSimpleName());
    }
    Map<String, Object> variables = new HashMap<>();
    if (assessment instanceof ScoreAssessment score) {
      variables.put(RuleVariables.SCORE, score.score());
      variables.put(RuleVariables.ALL_TASKS_ON_TIME, score.allTasksOnTime());
      variables.put(RuleVariables.EXCEEDING_TASKS_PERCENT, score.exceedingTasksPercent());
      variables.put(RuleVariables.SHORTCOMINGS_REMEDIED, score.shortcomingsRemedied());
      variables.put(RuleVariables.NOT_COMPLETED_BELOW, settings.notCompletedBelow());
    } else if (assessment instanceof CriteriaAssessment criteria) {
      variables.put(RuleVariables.TASK_RESULTS_GRADE, criteria.taskResults().name());
      variables.put(RuleVariables.OTHER_CRITERIA_GRADE, criteria.otherCriteria().name());
      variables.put(RuleVariables.CIVIL_SERVICE_LEVEL, name(criteria.civilServiceLevel()));
    }
    RuleMatch match = single(DecisionKeys.id(DecisionKeys.MEMBER_LEVEL, regulation), variables);
    return new LevelResult(parse(match, RuleVariables.LEVEL, Level::parse, false), match.rule());
  }

  /**
   * Everything for one member: eligibility, then (when rated) the level from the assessment and the
   * caps, the level being the computed one lowered to the strictest cap.
   *
   * @throws IllegalArgumentException for the wrong kind of assessment, or a {@link
   *     CriteriaAssessment} whose civil-service level differs from the facts'
   */
  public Rating rate(Regulation regulation, MemberFacts facts, Assessment assessment) {
    if (assessment instanceof CriteriaAssessment criteria
        && criteria.civilServiceLevel() != facts.civilServiceLevel()) {
      throw new IllegalArgumentException(
          "The assessment's civil-service level ("
              + criteria.civilServiceLevel()
              + ") differs from the member's ("
              + facts.civilServiceLevel()
              + ")");
    }
    Eligibility eligibility = eligibility(regulation, facts);
    if (!eligibility.rated()) {
      return new Rating(eligibility, null, List.of(), null);
    }
    LevelResult computed = level(regulation, assessment);
    List<Cap> caps = caps(regulation, facts);
    Level level = computed.level();
    for (Cap cap : caps) {
      level = Levels.lower(level, cap.maxLevel());
    }
    return new Rating(eligibility, computed, caps, level);
  }

  // --- collectives ---------------------------------------------------------------------------

  /** Every cap that applies to a collective (branch, grassroots organization), strictest first (collective-caps). */
  public List<Cap> collectiveCaps(Regulation regulation, CollectiveFacts facts) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(
        RuleVariables.LEADERSHIP_DISCIPLINED_WARNING_OR_ABOVE,
        facts.leadershipDisciplinedWarningOrAbove());
    variables.put(RuleVariables.LEADERSHIP_DISCIPLINED, facts.leadershipDisciplined());
    variables.put(RuleVariables.SUBORDINATE_UNIT_DISCIPLINED, facts.subordinateUnitDisciplined());
    variables.put(RuleVariables.SUBORDINATE_SHORTFALL_PERCENT, facts.subordinateShortfallPercent());
    variables.put(
        RuleVariables.SUBORDINATE_SHORTFALL_THRESHOLD, facts.subordinateShortfallThreshold());
    variables.put(
        RuleVariables.ALL_TASKS_DONE, facts.allTasksDone()); // null: not stated, no row matches
    variables.put(RuleVariables.LATE_TASKS_PERCENT, facts.lateTasksPercent());
    return capsOf(DecisionKeys.id(DecisionKeys.COLLECTIVE_CAPS, regulation), variables);
  }

  /**
   * The most points the group of self-review criteria can get (criterion-points): 30 and 70 under
   * 366-QĐ/TW; empty under a regulation without a score (124, 132: the level follows from the
   * criteria's grades).
   */
  public OptionalInt maxPoints(Regulation regulation, CriterionGroup group) {
    RuleMatch match =
        single(
            DecisionKeys.id(DecisionKeys.CRITERION_POINTS, regulation),
            Map.of(RuleVariables.CRITERION_GROUP, group.name()));
    Object points = match.outputs().get(RuleVariables.MAX_POINTS);
    return points instanceof Number number
        ? OptionalInt.of(number.intValue())
        : OptionalInt.empty();
  }

  // --- organizations --------------------------------------------------------------------------

  /**
   * Whether an organization (branch, grassroots organization) is rated this year
   * (organization-eligibility). Its members are rated either way.
   *
   * @param monthsSinceFounded whole months from its founding to 31 December of the evaluated year
   *     ({@link MemberFacts#monthsToYearEnd})
   */
  public Eligibility organizationEligibility(Regulation regulation, int monthsSinceFounded) {
    if (monthsSinceFounded < 0) {
      throw new IllegalArgumentException("monthsSinceFounded must not be negative");
    }
    RuleMatch match =
        single(
            DecisionKeys.id(DecisionKeys.ORGANIZATION_ELIGIBILITY, regulation),
            Map.of(RuleVariables.MONTHS_SINCE_FOUNDED, monthsSinceFounded));
    return new Eligibility(
        Boolean.TRUE.equals(match.outputs().get(RuleVariables.RATED)),
        reason(match),
        null,
        match.rule());
  }

  /**
   * The EXCELLENT quota of one grassroots organization: EXCELLENT ≤ ⌊ratio × GOOD⌋, the ratio from
   * {@link RuleSettings#excellentQuotaRatio()} (default 0.20: 21-HD/BTCTW mục 2.3 a, 124-QĐ/TW;
   * under 366-QĐ/TW Art. 11 unverified). Rounded down because the text says "không vượt quá" (must
   * not exceed) — an interpretation: with fewer than 5 GOOD members no EXCELLENT is possible at
   * 20 %.
   *
   * @param excellent members of the organization rated EXCELLENT
   * @param good members rated GOOD (not counting the EXCELLENT)
   */
  public QuotaCheck quota(int excellent, int good) {
    if (excellent < 0 || good < 0) {
      throw new IllegalArgumentException("Counts must not be negative");
    }
    BigDecimal ratio = settings.excellentQuotaRatio();
    int max =
        ratio.multiply(BigDecimal.valueOf(good)).setScale(0, RoundingMode.FLOOR).intValueExact();
    return new QuotaCheck(excellent, good, ratio, max);
  }

  /** The share of the branch's vote a proposal of this level needs ({@link RuleSettings#voteThreshold}). */
  public Optional<VoteThreshold> voteThreshold(Level level) {
    return settings.voteThreshold(level);
  }

  /**
   * Whether the branch's vote supports proposing {@code level}: the votes for it, counted against
   * all official members except the exempted ({@link VoteTally#eligibleVoters()}), meet {@link
   * #voteThreshold}. True for a level without a threshold. Old guidance 07-HD/BTCTW (2011); the
   * thresholds are configurable because they are unverified for today.
   */
  public boolean voteSupports(Level level, VoteTally tally) {
    return voteThreshold(level)
        .map(threshold -> threshold.isMetBy(tally.votesFor(), tally.eligibleVoters()))
        .orElse(true);
  }

  // --- the tables -----------------------------------------------------------------------------

  /**
   * Evaluates one decision table as it is: the matching rows after the hit policy (one for FIRST
   * and UNIQUE, all in row order for RULE ORDER), each with its outputs. For tests and for callers
   * that need a table the typed methods do not cover.
   *
   * @param decisionId e.g. {@code member-level-QD-366-2025} ({@link DecisionKeys#id})
   * @param variables the decision's inputs ({@link RuleVariables}); null values allowed
   * @throws IllegalArgumentException for an unknown decision
   */
  public List<RuleMatch> evaluate(String decisionId, Map<String, ?> variables) {
    if (!decisions.containsKey(decisionId)) {
      throw new IllegalArgumentException("No decision '" + decisionId + "'");
    }
    if (!cacheable(variables)) {
      return evaluateTable(decisionId, variables);
    }
    MemoKey key = new MemoKey(decisionId, Collections.unmodifiableMap(new HashMap<>(variables)));
    List<RuleMatch> known = memo.get(key);
    if (known != null) {
      return known;
    }
    List<RuleMatch> matches = evaluateTable(decisionId, variables);
    if (memo.size() >= MEMO_SIZE) {
      memo.clear(); // bounded; the facts of a year's members repeat, so it fills again with what is
      // asked
    }
    memo.put(key, matches);
    return matches;
  }

  /**
   * The tables are pure functions of their inputs (no dates of today, no randomness), and members' facts fall into
   * few combinations; evaluating a table with FEEL costs ~0.1–1 ms of CPU (parsing every entry again), which was
   * half of a campaign launch's CPU (bench/README.md, "Profiles"). So the results are remembered per decision and
   * inputs, for inputs of immutable values only.
   */
  private static final int MEMO_SIZE = 10_000;

  private record MemoKey(String decisionId, Map<String, ?> variables) {}

  private final Map<MemoKey, List<RuleMatch>> memo = new ConcurrentHashMap<>();

  private static boolean cacheable(Map<String, ?> variables) {
    for (Object value : variables.values()) {
      if (!(value == null
          || value instanceof String
          || value instanceof Boolean
          || value instanceof Integer
          || value instanceof Long
          || value instanceof Short
          || value instanceof Byte
          || value instanceof Double
          || value instanceof Float
          || value instanceof BigDecimal
          || value instanceof BigInteger
          || value instanceof Character
          || value instanceof Enum<?>
          || value instanceof LocalDate)) {
        return false;
      }
    }
    return true;
  }

  /** One evaluation of a table by the DMN engine (the decision is known to exist). */
  private List<RuleMatch> evaluateTable(String decisionId, Map<String, ?> variables) {
    List<DmnEvaluatedDecisionRule> rules;
    try {
      engine.evaluateDecision(decisions.get(decisionId), new HashMap<>(variables));
      rules = matched.get();
    } finally {
      matched.remove();
    }
    List<RuleMatch> matches = new ArrayList<>();
    for (DmnEvaluatedDecisionRule rule :
        rules == null ? List.<DmnEvaluatedDecisionRule>of() : rules) {
      Map<String, Object> outputs = new LinkedHashMap<>();
      for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
        outputs.put(
            output.getOutputName(),
            output.getValue() == null ? null : output.getValue().getValue());
      }
      matches.add(
          new RuleMatch(new RuleRef(decisionId, rule.getId(), sources.get(rule.getId())), outputs));
    }
    return List.copyOf(matches);
  }

  /** The ids of every loaded decision. */
  public Set<String> decisionIds() {
    return Collections.unmodifiableSet(decisions.keySet());
  }

  // --- internals ------------------------------------------------------------------------------

  private void load(Regulation regulation) {
    List<String> ids = new ArrayList<>();
    for (String kind : DecisionKeys.KINDS) {
      ids.add(DecisionKeys.id(kind, regulation));
    }
    decisions.putAll(DecisionFile.read(engine, DecisionKeys.resource(regulation), ids, sources));
  }

  private RuleMatch single(String decisionId, Map<String, ?> variables) {
    List<RuleMatch> matches = evaluate(decisionId, variables);
    if (matches.size() != 1) {
      throw new IllegalStateException(
          decisionId + " matched " + matches.size() + " rules for " + variables + "; expected one");
    }
    return matches.get(0);
  }

  private static Map<String, Object> memberVariables(MemberFacts facts) {
    Map<String, Object> variables = new HashMap<>(); // HashMap: null values allowed
    variables.put(RuleVariables.EXEMPTED, facts.exempted());
    variables.put(RuleVariables.SUSPENDED, facts.suspended());
    variables.put(RuleVariables.MONTHS_SINCE_ADMISSION, facts.monthsSinceAdmission());
    variables.put(RuleVariables.PROBATIONARY, facts.probationary());
    variables.put(RuleVariables.DISCIPLINED, facts.disciplined());
    variables.put(
        RuleVariables.DISCIPLINE_SELF_DETECTED_AND_REMEDIED,
        facts.disciplineSelfDetectedAndRemedied());
    variables.put(RuleVariables.CONCLUDED_DEGRADATION, facts.concludedDegradation());
    variables.put(RuleVariables.CONCLUDED_FORBIDDEN_CONDUCT, facts.concludedForbiddenConduct());
    variables.put(
        RuleVariables.CONCLUDED_FAILED_TO_SET_EXAMPLE, facts.concludedFailedToSetExample());
    variables.put(RuleVariables.SICK_LEAVE_MONTHS, facts.sickLeaveMonths());
    variables.put(RuleVariables.CIVIL_SERVICE_LEVEL, name(facts.civilServiceLevel()));
    variables.put(RuleVariables.TASKS_COMPLETED_PERCENT, facts.tasksCompletedPercent());
    variables.put(RuleVariables.HEADED_UNIT_LEVEL, name(facts.headedUnitLevel()));
    return variables;
  }

  private static String name(Level level) {
    return level == null ? null : level.name();
  }

  private static ReasonCode reason(RuleMatch match) {
    return parse(match, RuleVariables.REASON_CODE, ReasonCode::parse, false);
  }

  /** An enum output of a matched row; a value the enum does not know is a broken table. */
  private static <T> T parse(
      RuleMatch match, String output, Function<String, Optional<T>> parser, boolean nullable) {
    String value = match.output(output);
    if (value == null || value.isEmpty()) {
      if (nullable) {
        return null;
      }
      throw new IllegalStateException(match.rule().ruleId() + ": empty output '" + output + "'");
    }
    return parser
        .apply(value)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    match.rule().ruleId()
                        + ": unknown value '"
                        + value
                        + "' of output '"
                        + output
                        + "'"));
  }

  /** Keeps the matching rules (after the hit policy) of the decision table just evaluated. */
  private final class MatchRecorder implements DmnDecisionEvaluationListener {
    @Override
    public void notify(DmnDecisionEvaluationEvent event) {
      if (event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table) {
        matched.set(List.copyOf(table.getMatchingRules()));
      }
    }
  }
}
