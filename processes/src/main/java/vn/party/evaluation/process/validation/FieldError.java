package vn.party.evaluation.process.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import vn.party.evaluation.process.Decision;
import vn.party.evaluation.rules.Cap;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.QuotaCheck;

/**
 * One refused completion variable.
 *
 * @param field the variable name, e.g. {@code decidedLevel}
 * @param reason a short, stable key a client can map to its own wording: one of the constants
 *     below
 * @param cap for {@link #ABOVE_CAP}, the cap the level breaks (the strictest that applies, with its
 *     reason and rule); null for every other reason
 * @param quota for {@link #OVER_QUOTA}, the organization's figures (its ratio may be null); null otherwise
 * @param vote for {@link #VOTE_NOT_SUPPORTED}, the votes the proposal got and the share it needed; null otherwise
 * @param minLength for {@link #SECTION_TOO_SHORT}, the section's minimum length (characters); null otherwise
 * @param own for {@link #ABOVE_OWN_ASSESSMENT} once the grades are complete, the level they give and what is not
 *     met; null otherwise
 */
public record FieldError(
    String field,
    String reason,
    Cap cap,
    QuotaCheck quota,
    BranchVote.Shortfall vote,
    Integer minLength,
    OwnShortfall own,
    List<Long> bounds) {

  public FieldError {
    // either end may be null (unbounded): not List.copyOf, which refuses nulls
    bounds = bounds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(bounds));
  }

  public FieldError(
      String field,
      String reason,
      Cap cap,
      QuotaCheck quota,
      BranchVote.Shortfall vote,
      Integer minLength,
      OwnShortfall own) {
    this(field, reason, cap, quota, vote, minLength, own, null);
  }

  /**
   * {@link #OUT_OF_RANGE} or {@link #TOO_LONG} with what the check allows: the least and the most (either null when
   * unbounded), so the refusal says the range or the maximum (the twelfth session's outsider, finding 5).
   */
  public static FieldError bounded(String field, String reason, Long least, Long most) {
    return new FieldError(field, reason, null, null, null, null, null, Arrays.asList(least, most));
  }

  /**
   * Why a self-proposed level is above the member's own assessment: the level the grades and points give, and the
   * variables of the conditions not met that the proposal needs ({@code allTasksOnTime}, …; {@code totalPoints} or
   * the grades' own when the conditions alone would not reach it), so the member can tell what to fix.
   */
  public record OwnShortfall(Level derived, List<String> unmet) {}

  public static final String REQUIRED = "required";

  /** A variable the task's form does not own, sent with the task's completion. */
  public static final String UNKNOWN_FIELD = "unknown-field";

  /**
   * A variable a person wrote outside a task's completion (a task's or a process instance's variables, engine REST or
   * Java): variables are written only by completing a task through its form, whether or not the variable is a field.
   */
  public static final String WRITTEN_BY_COMPLETION_ONLY = "written-by-completion-only";

  public static final String INVALID_LEVEL = "invalid-level";
  public static final String INVALID_DECISION = "invalid-decision";
  public static final String NOT_TEXT = "not-text";
  public static final String TOO_LONG = "too-long";
  public static final String CONTROL_CHARACTERS = "control-characters";

  /** A lone surrogate or a bidirectional override/isolate control: see {@link TextCharacters}. */
  public static final String INVALID_CHARACTERS = "invalid-characters";

  /** A value sent as transient: it would not reach the engine's variables and history. */
  public static final String TRANSIENT_NOT_ALLOWED = "transient-not-allowed";

  public static final String NOT_A_NUMBER = "not-a-number";
  public static final String OUT_OF_RANGE = "out-of-range";
  public static final String NOT_A_FLAG = "not-a-flag";

  /** The level is above the strictest cap of the member-caps decision ({@link #cap()}). */
  public static final String ABOVE_CAP = "above-cap";

  /** Approving another level than the branch proposed, without the reason in {@code decisionComment}. */
  public static final String ADJUSTMENT_REASON_REQUIRED = "adjustment-reason-required";

  /** Finalizing the organization's results while more members are EXCELLENT than the quota allows ({@link #quota()}). */
  public static final String OVER_QUOTA = "over-quota";

  /**
   * Approving EXCELLENT above the quota of the moment ({@link #quota()}: the figures after this approval) without
   * a reason of at least {@link #minLength()} letters or digits in {@code quotaReason}.
   */
  public static final String OVER_QUOTA_REASON_REQUIRED = "over-quota-reason-required";

  /** Not a criterion grade (Grade: EXCELLENT, GOOD, AVERAGE, WEAK). */
  public static final String INVALID_GRADE = "invalid-grade";

  /** Points below 0 or above the group's maximum (criterion-points). */
  public static final String POINTS_OUT_OF_RANGE = "points-out-of-range";

  /** The points of a criterion group add up to more than the group's maximum. */
  public static final String GROUP_TOTAL_TOO_HIGH = "group-total-too-high";

  /** A field of another form: 02B items for a member without a leadership post, points without a score. */
  public static final String NOT_ON_THIS_FORM = "not-on-this-form";

  /** The self-proposed level is above the level the member's own grades or points give. */
  public static final String ABOVE_OWN_ASSESSMENT = "above-own-assessment";

  /** A whole number of votes or voters below 0 or above {@link BranchVote#MAX_VOTERS}. */
  public static final String NOT_A_COUNT = "not-a-count";

  /** The votes on a member add up to more than the members entitled to vote. */
  public static final String MORE_VOTES_THAN_VOTERS = "more-votes-than-voters";

  /** The branch proposes a level its vote does not support under the configured vote rule ({@link #vote()}). */
  public static final String VOTE_NOT_SUPPORTED = "vote-not-supported";

  /**
   * A section a self-criticism requires says too little: fewer than {@code minLength} characters after trimming
   * ({@link SelfReviewRules#REQUIRED_SECTIONS}; a blank one is {@link #REQUIRED}).
   */
  public static final String SECTION_TOO_SHORT = "section-too-short";

  public FieldError(
      String field,
      String reason,
      Cap cap,
      QuotaCheck quota,
      BranchVote.Shortfall vote,
      Integer minLength) {
    this(field, reason, cap, quota, vote, minLength, null);
  }

  public FieldError(String field, String reason) {
    this(field, reason, null, null, null, null, null);
  }

  public FieldError(String field, String reason, Cap cap) {
    this(field, reason, cap, null, null, null, null);
  }

  public FieldError(String field, String reason, Cap cap, QuotaCheck quota) {
    this(field, reason, cap, quota, null, null, null);
  }

  public FieldError(String field, String reason, BranchVote.Shortfall vote) {
    this(field, reason, null, null, vote, null, null);
  }

  /** {@link #SECTION_TOO_SHORT} of a section, with its minimum. */
  public static FieldError sectionTooShort(String section, int minLength) {
    return new FieldError(section, SECTION_TOO_SHORT, null, null, null, minLength, null);
  }

  /** {@link #ABOVE_OWN_ASSESSMENT} of a proposal, with the level the grades give and what is not met. */
  public static FieldError aboveOwnAssessment(String field, OwnShortfall own) {
    return new FieldError(field, ABOVE_OWN_ASSESSMENT, null, null, null, null, own);
  }

  /** The most the check allowed ({@link #bounded}), else the given default. */
  private long most(long otherwise) {
    return bounds.size() == 2 && bounds.get(1) != null ? bounds.get(1) : otherwise;
  }

  /** The range the check allowed ({@link #bounded}), else the months' (the first field given a range). */
  private String range() {
    Long least = bounds.isEmpty() ? null : bounds.get(0);
    Long most = bounds.size() < 2 ? null : bounds.get(1);
    if (least == null && most == null) {
      return "must be between "
          + TaskCompletionRules.MIN_MONTHS
          + " and "
          + TaskCompletionRules.MAX_MONTHS;
    }
    return least == null
        ? "must be at most " + most
        : most == null ? "must be at least " + least : "must be between " + least + " and " + most;
  }

  /** An English sentence for logs and API error bodies, e.g. "decidedLevel is required". */
  public String message() {
    return field
        + " "
        + switch (reason) {
          case REQUIRED -> "is required";
          case INVALID_LEVEL -> "must be one of " + names(Level.values());
          case INVALID_DECISION -> "must be one of " + names(Decision.values());
          case NOT_TEXT -> "must be text";
          // the limit the check applied (the long texts take 20,000), not one for every field
          case TOO_LONG ->
              "must be at most " + most(TaskCompletionRules.MAX_TEXT_LENGTH) + " characters";
          case CONTROL_CHARACTERS ->
              "must not contain control characters other than line breaks and tabs";
          case INVALID_CHARACTERS ->
              "must not contain lone surrogates, bidirectional override, noncharacter or tag characters";
          case TRANSIENT_NOT_ALLOWED ->
              "must not be transient: every value sent is kept in the process and its history";
          case NOT_A_NUMBER -> "must be a number";
          case OUT_OF_RANGE -> range();
          case NOT_A_FLAG -> "must be true or false";
          case INVALID_GRADE -> "must be one of EXCELLENT, GOOD, AVERAGE, WEAK";
          case POINTS_OUT_OF_RANGE -> "must be between 0 and the group's maximum points";
          case GROUP_TOTAL_TOO_HIGH ->
              "and the other points of its group add up to more than the group's maximum";
          case NOT_ON_THIS_FORM -> "is not on this member's form";
          case ABOVE_OWN_ASSESSMENT ->
              "must not be above the level the member's own grades or points give"
                  + (own == null
                      ? ""
                      : ": "
                          + own.derived().name()
                          + ", not met: "
                          + String.join(", ", own.unmet()));
          case ABOVE_CAP ->
              cap == null
                  ? "is above the level cap"
                  : "must not be above "
                      + cap.maxLevel().name()
                      + ": "
                      + cap.reason().englishLabel();
          case ADJUSTMENT_REASON_REQUIRED ->
              "is required: the decided level differs from the branch's proposal";
          case NOT_A_COUNT ->
              "must be a whole number up to "
                  + BranchVote.MAX_VOTERS
                  + " (votes from 0, voters from 1)";
          case MORE_VOTES_THAN_VOTERS -> "is less than the votes cast on the member";
          case VOTE_NOT_SUPPORTED ->
              vote == null
                  ? "is not supported by the branch's vote"
                  : "is not supported by the branch's vote: "
                      + vote.votesFor()
                      + " of "
                      + vote.eligibleVoters()
                      + " votes, the rule needs "
                      + vote.threshold();
          case SECTION_TOO_SHORT ->
              "is required and must have at least "
                  + minLength
                  + " characters: be specific, not empty or generic";
          case OVER_QUOTA ->
              quota == null
                  ? "is over the EXCELLENT quota"
                  : "is over the EXCELLENT quota: EXCELLENT "
                      + quota.excellent()
                      + ", GOOD "
                      + quota.good()
                      + ", allowed "
                      + quota.maxExcellent();
          case OVER_QUOTA_REASON_REQUIRED ->
              "is required (at least "
                  + minLength
                  + " letters or digits): approving EXCELLENT goes above the quota"
                  + (quota == null
                      ? ""
                      : ": EXCELLENT "
                          + quota.excellent()
                          + ", GOOD "
                          + quota.good()
                          + ", allowed "
                          + quota.maxExcellent());
          default -> "is invalid (" + reason + ")";
        };
  }

  /**
   * {@code field: reason}, the form used in the validation exception's message. A refusal above the
   * cap also says, in Vietnamese (Tasklist shows this text to the user), which cap and why.
   */
  @Override
  public String toString() {
    if (ABOVE_CAP.equals(reason) && cap != null) {
      return field
          + ": "
          + reason
          + " (không được cao hơn mức \""
          + cap.maxLevel().label()
          + "\": "
          + cap.reason().label()
          + ")";
    }
    if (OVER_QUOTA.equals(reason) && quota != null) {
      return field
          + ": "
          + reason
          + " (vượt tỷ lệ: "
          + quota.excellent()
          + " đảng viên Hoàn thành xuất sắc nhiệm vụ, "
          + quota.good()
          + " Hoàn thành tốt nhiệm vụ, tối đa được "
          + quota.maxExcellent()
          + ")";
    }
    if (OVER_QUOTA_REASON_REQUIRED.equals(reason) && quota != null) {
      return field
          + ": "
          + reason
          + " (phê duyệt Hoàn thành xuất sắc nhiệm vụ này vượt tỷ lệ: "
          + quota.excellent()
          + " đảng viên Hoàn thành xuất sắc nhiệm vụ, tối đa được "
          + quota.maxExcellent()
          + "; cần nêu lý do vượt tỷ lệ, ít nhất "
          + minLength
          + " ký tự)";
    }
    if (SECTION_TOO_SHORT.equals(reason) && minLength != null) {
      return field
          + ": "
          + reason
          + " (mục bắt buộc, cần ít nhất "
          + minLength
          + " ký tự: nêu cụ thể, không để trống hay ghi chung chung)";
    }
    if (REQUIRED.equals(reason) && SelfReviewRules.REQUIRED_SECTIONS.contains(field)) {
      return field
          + ": "
          + reason
          + " (mục bắt buộc của bản tự kiểm điểm: nêu cụ thể, không để trống)";
    }
    if (VOTE_NOT_SUPPORTED.equals(reason) && vote != null) {
      return field
          + ": "
          + reason
          + " (mức \""
          + vote.level().label()
          + "\" chỉ được "
          + vote.votesFor()
          + "/"
          + vote.eligibleVoters()
          + " phiếu, cần "
          + vote.threshold()
          + ")";
    }
    return field + ": " + reason;
  }

  private static String names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
  }
}
