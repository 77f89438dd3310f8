package vn.party.evaluation.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What is known about a member for the year, apart from the assessment itself: the inputs of the
 * member-eligibility and member-caps decisions. Build with {@link #builder()}; every flag defaults
 * to false, sick leave to 0, the civil-service level and task percentage to none.
 *
 * @param exempted exempted from work and party activities (miễn công tác và sinh hoạt đảng)
 * @param suspended suspended from party activities (đình chỉ sinh hoạt đảng); a committee member
 *     suspended only from committee activities is not "suspended" here
 * @param monthsSinceAdmission whole months from admission to 31 December of the evaluated year
 *     ({@link #monthsToYearEnd})
 * @param probationary a probationary member (đảng viên dự bị)
 * @param disciplined disciplined in the evaluated year for a violation not already counted in an
 *     earlier year's rating ("one violation counts once")
 * @param disciplineSelfDetectedAndRemedied the violation was self-detected and its consequences
 *     remedied (the exception of 124-QĐ/TW; ignored under 132-QĐ/TW)
 * @param concludedDegradation a competent body concluded degradation of political ideology, ethics
 *     or lifestyle, "self-evolution", "self-transformation"
 * @param concludedForbiddenConduct a competent body concluded a breach of "những điều đảng viên
 *     không được làm"
 * @param concludedFailedToSetExample a competent body concluded a failure of the duty to set an
 *     example
 * @param sickLeaveMonths total months of sick leave in the year (maternity leave not included)
 * @param civilServiceLevel the member's civil-service rating for the year, or null for a member
 *     outside the state apparatus (or not yet rated there)
 * @param tasksCompletedPercent share of the year's tasks completed, 0–100, or null when there is
 *     no such figure; read under 132-QĐ/TW only
 * @param headedUnitLevel the rating of the branch or organization the member heads (bí thư), or
 *     null for a member who heads nothing or whose unit is not rated: the head is rated after the
 *     collective, and not above it
 */
public record MemberFacts(
    boolean exempted,
    boolean suspended,
    int monthsSinceAdmission,
    boolean probationary,
    boolean disciplined,
    boolean disciplineSelfDetectedAndRemedied,
    boolean concludedDegradation,
    boolean concludedForbiddenConduct,
    boolean concludedFailedToSetExample,
    double sickLeaveMonths,
    Level civilServiceLevel,
    Double tasksCompletedPercent,
    Level headedUnitLevel) {

  public MemberFacts {
    if (monthsSinceAdmission < 0) {
      throw new IllegalArgumentException("monthsSinceAdmission must not be negative");
    }
    if (!(sickLeaveMonths >= 0 && sickLeaveMonths <= 12)) {
      throw new IllegalArgumentException(
          "sickLeaveMonths must be within 0–12, was " + sickLeaveMonths);
    }
    if (tasksCompletedPercent != null) {
      ScoreAssessment.requirePercent("tasksCompletedPercent", tasksCompletedPercent);
    }
  }

  /**
   * Whole months from {@code since} (an admission or founding date) to 31 December of {@code
   * year}: admitted on 1 July 2025 → 5 for 2025 (not rated), on 30 June 2025 → 6 (rated). 0 for a
   * date after the year's end.
   */
  public static int monthsToYearEnd(LocalDate since, int year) {
    long months = ChronoUnit.MONTHS.between(since, LocalDate.of(year, 12, 31));
    return (int) Math.max(0, months);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link MemberFacts}; {@link #monthsSinceAdmission(int)} is the one required value. */
  public static final class Builder {
    private boolean exempted;
    private boolean suspended;
    private Integer monthsSinceAdmission;
    private boolean probationary;
    private boolean disciplined;
    private boolean disciplineSelfDetectedAndRemedied;
    private boolean concludedDegradation;
    private boolean concludedForbiddenConduct;
    private boolean concludedFailedToSetExample;
    private double sickLeaveMonths;
    private Level civilServiceLevel;
    private Double tasksCompletedPercent;
    private Level headedUnitLevel;

    private Builder() {}

    public Builder exempted(boolean value) {
      exempted = value;
      return this;
    }

    public Builder suspended(boolean value) {
      suspended = value;
      return this;
    }

    public Builder monthsSinceAdmission(int value) {
      monthsSinceAdmission = value;
      return this;
    }

    /** Sets {@code monthsSinceAdmission} from the admission date ({@link MemberFacts#monthsToYearEnd}). */
    public Builder admittedOn(LocalDate admission, int evaluatedYear) {
      return monthsSinceAdmission(monthsToYearEnd(admission, evaluatedYear));
    }

    public Builder probationary(boolean value) {
      probationary = value;
      return this;
    }

    public Builder disciplined(boolean value) {
      disciplined = value;
      return this;
    }

    public Builder disciplineSelfDetectedAndRemedied(boolean value) {
      disciplineSelfDetectedAndRemedied = value;
      return this;
    }

    public Builder concludedDegradation(boolean value) {
      concludedDegradation = value;
      return this;
    }

    public Builder concludedForbiddenConduct(boolean value) {
      concludedForbiddenConduct = value;
      return this;
    }

    public Builder concludedFailedToSetExample(boolean value) {
      concludedFailedToSetExample = value;
      return this;
    }

    public Builder sickLeaveMonths(double value) {
      sickLeaveMonths = value;
      return this;
    }

    public Builder civilServiceLevel(Level value) {
      civilServiceLevel = value;
      return this;
    }

    public Builder tasksCompletedPercent(Double value) {
      tasksCompletedPercent = value;
      return this;
    }

    public Builder headedUnitLevel(Level value) {
      headedUnitLevel = value;
      return this;
    }

    /** @throws IllegalStateException when {@code monthsSinceAdmission} was not set */
    public MemberFacts build() {
      if (monthsSinceAdmission == null) {
        throw new IllegalStateException("monthsSinceAdmission is required");
      }
      return new MemberFacts(
          exempted,
          suspended,
          monthsSinceAdmission,
          probationary,
          disciplined,
          disciplineSelfDetectedAndRemedied,
          concludedDegradation,
          concludedForbiddenConduct,
          concludedFailedToSetExample,
          sickLeaveMonths,
          civilServiceLevel,
          tasksCompletedPercent,
          headedUnitLevel);
    }
  }
}
