package vn.party.evaluation.process.validation;

import static vn.party.evaluation.process.ProcessVariables.BRANCH_PROPOSED_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.ELIGIBLE_VOTERS;
import static vn.party.evaluation.process.ProcessVariables.EXCELLENT_VOTE_RULE;
import static vn.party.evaluation.process.ProcessVariables.GOOD_VOTE_RULE;
import static vn.party.evaluation.process.ProcessVariables.VOTES_COMPLETED;
import static vn.party.evaluation.process.ProcessVariables.VOTES_EXCELLENT;
import static vn.party.evaluation.process.ProcessVariables.VOTES_GOOD;
import static vn.party.evaluation.process.ProcessVariables.VOTES_NOT_COMPLETED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.RuleSettings;
import vn.party.evaluation.rules.VoteThreshold;

/**
 * The branch meeting's vote on one member, as the completion variables of branch-review, and the configured vote rule
 * applied to it: a proposal the tally does not support is refused, whatever door the completion comes through (the
 * meeting page, the domain API, engine REST, Tasklist).
 *
 * <p>The votes count against the official members entitled to vote ({@code eligibleVoters}: official members minus
 * the exempted), not against those present (old guidance 07-HD/BTCTW 2011, unverified for today; see {@link
 * RuleSettings}). The thresholds are configuration: the application sets {@link #RULE_INPUTS} on the task from its
 * settings ({@link #ruleVariables}); where they are absent the documented defaults apply.
 */
public final class BranchVote {

  /** Most voters (and votes per level) a branch may record; the largest branches have a few hundred members. */
  public static final int MAX_VOTERS = 10_000;

  /** The votes per level, in level order. */
  public static final List<String> VOTE_FIELDS =
      List.of(VOTES_EXCELLENT, VOTES_GOOD, VOTES_COMPLETED, VOTES_NOT_COMPLETED);

  /** The configured thresholds the check reads, set by the application (never by the user). */
  public static final List<String> RULE_INPUTS = List.of(EXCELLENT_VOTE_RULE, GOOD_VOTE_RULE);

  /**
   * A proposal short of its share: {@code votesFor} of {@code eligibleVoters} for {@code level}, where {@code
   * threshold} was needed.
   */
  public record Shortfall(Level level, int votesFor, int eligibleVoters, VoteThreshold threshold) {}

  private BranchVote() {}

  /** The variable holding the votes for {@code level}. */
  public static String votesField(Level level) {
    return VOTE_FIELDS.get(level.ordinal());
  }

  /**
   * The thresholds of {@code settings} set otherwise than the documented defaults, as the task variables {@link
   * #RULE_INPUTS}: a threshold absent from the task is the default, which the check applies (issue 15: with the
   * default settings two variables, four rows, at every branch review for nothing).
   */
  public static Map<String, Object> ruleVariables(RuleSettings settings) {
    RuleSettings defaults = RuleSettings.defaults();
    Map<String, Object> variables = new LinkedHashMap<>();
    if (!settings.excellentVote().equals(defaults.excellentVote())) {
      variables.put(EXCELLENT_VOTE_RULE, settings.excellentVote().toString());
    }
    if (!settings.goodVote().equals(defaults.goodVote())) {
      variables.put(GOOD_VOTE_RULE, settings.goodVote().toString());
    }
    return variables;
  }

  /**
   * The completion variables of a vote: the voters and the votes per level (absent levels count 0).
   *
   * @param votes votes per level
   */
  public static Map<String, Object> variables(int eligibleVoters, Map<Level, Integer> votes) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ELIGIBLE_VOTERS, eligibleVoters);
    for (Level level : Level.values()) {
      variables.put(votesField(level), votes.getOrDefault(level, 0));
    }
    return variables;
  }

  /** Whether a count field holds a whole number within 0–{@link #MAX_VOTERS} (its own check, in the field rules). */
  static boolean isCount(Object value) {
    if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
      return false;
    }
    double n = number.doubleValue();
    return n == Math.rint(n) && n >= 0 && n <= MAX_VOTERS;
  }

  /**
   * The cross-field checks, once every field is itself acceptable: the votes add up to no more than the voters, and
   * the proposal has its share ({@link FieldError#VOTE_NOT_SUPPORTED} on {@code branchProposedLevel}).
   *
   * @param refused the refusals found so far: silent while the level or a count is among them
   */
  static Optional<FieldError> check(Map<String, ?> variables, List<FieldError> refused) {
    boolean anyRefused =
        refused.stream()
            .anyMatch(
                error ->
                    error.field().equals(BRANCH_PROPOSED_LEVEL)
                        || error.field().equals(ELIGIBLE_VOTERS)
                        || VOTE_FIELDS.contains(error.field()));
    if (anyRefused || !(variables.get(BRANCH_PROPOSED_LEVEL) instanceof String name)) {
      return Optional.empty();
    }
    Optional<Level> proposed = Level.parse(name);
    if (proposed.isEmpty() || !(variables.get(ELIGIBLE_VOTERS) instanceof Number voters)) {
      return Optional.empty();
    }
    int eligible = voters.intValue();
    int cast = 0;
    for (String field : VOTE_FIELDS) {
      cast += ((Number) variables.get(field)).intValue();
    }
    if (cast > eligible) {
      return Optional.of(new FieldError(ELIGIBLE_VOTERS, FieldError.MORE_VOTES_THAN_VOTERS));
    }
    int votesFor = ((Number) variables.get(votesField(proposed.get()))).intValue();
    return settings(variables)
        .voteThreshold(proposed.get())
        .filter(threshold -> !threshold.isMetBy(votesFor, eligible))
        .map(
            threshold ->
                new FieldError(
                    BRANCH_PROPOSED_LEVEL,
                    FieldError.VOTE_NOT_SUPPORTED,
                    new Shortfall(proposed.get(), votesFor, eligible, threshold)));
  }

  /** The defaults, with the thresholds the application set on the task. */
  private static RuleSettings settings(Map<String, ?> variables) {
    RuleSettings settings = RuleSettings.defaults();
    if (variables.get(EXCELLENT_VOTE_RULE) instanceof String excellent) {
      settings = settings.withExcellentVote(VoteThreshold.parse(excellent));
    }
    if (variables.get(GOOD_VOTE_RULE) instanceof String good) {
      settings = settings.withGoodVote(VoteThreshold.parse(good));
    }
    return settings;
  }
}
