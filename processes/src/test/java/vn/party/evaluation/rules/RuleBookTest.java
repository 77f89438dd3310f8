package vn.party.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.party.evaluation.rules.Level.COMPLETED;
import static vn.party.evaluation.rules.Level.EXCELLENT;
import static vn.party.evaluation.rules.Level.GOOD;
import static vn.party.evaluation.rules.Level.NOT_COMPLETED;
import static vn.party.evaluation.rules.Regulation.QD_124_2023;
import static vn.party.evaluation.rules.Regulation.QD_132_2018;
import static vn.party.evaluation.rules.Regulation.QD_366_2025;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The facade: typed results, settings, quota and votes. The tables themselves: DecisionTablesTest. */
class RuleBookTest {

  private static final RuleBook RULES = new RuleBook();

  private static MemberFacts.Builder official() {
    return MemberFacts.builder().monthsSinceAdmission(120);
  }

  private static final ScoreAssessment EXCELLENT_SCORE = new ScoreAssessment(95, true, 40, true);
  private static final CriteriaAssessment EXCELLENT_GRADES =
      new CriteriaAssessment(Grade.EXCELLENT, Grade.GOOD, null);

  @Nested
  class Members {

    @ParameterizedTest
    @EnumSource(Regulation.class)
    void anOfficialMemberIsRatedOnTheOfficialForm(Regulation regulation) {
      Eligibility eligibility = RULES.eligibility(regulation, official().build());

      assertThat(eligibility.rated()).isTrue();
      assertThat(eligibility.reason()).isEqualTo(ReasonCode.OFFICIAL_MEMBER);
      assertThat(eligibility.form()).contains(FormKind.OFFICIAL);
      assertThat(eligibility.rule().decisionId())
          .isEqualTo("member-eligibility-" + regulation.code());
      assertThat(eligibility.rule().source()).startsWith("Nguồn:");
    }

    @Test
    void aRememberedResultFollowsTheInputsNotTheMapItWasAskedWith() {
      // the results are remembered per decision and inputs (a launch asks the same questions for
      // most members)
      MemberFacts capped = official().sickLeaveMonths(4).build();
      List<Cap> first = RULES.caps(QD_124_2023, capped);
      assertThat(RULES.caps(QD_124_2023, capped)).isEqualTo(first).isNotEmpty();
      assertThat(RULES.caps(QD_124_2023, official().build())).isEmpty();

      Map<String, Object> inputs = new HashMap<>();
      inputs.put(RuleVariables.SICK_LEAVE_MONTHS, 4);
      inputs.put(RuleVariables.MONTHS_SINCE_ADMISSION, 120);
      List<RuleMatch> before =
          RULES.evaluate(DecisionKeys.id(DecisionKeys.MEMBER_CAPS, QD_124_2023), inputs);
      inputs.put(RuleVariables.SICK_LEAVE_MONTHS, 0);
      assertThat(RULES.evaluate(DecisionKeys.id(DecisionKeys.MEMBER_CAPS, QD_124_2023), inputs))
          .isNotEqualTo(before);
      assertThatThrownBy(() -> before.add(before.get(0)))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMemberAdmittedInJulyIsNotRatedThatYear() {
      MemberFacts facts =
          MemberFacts.builder()
              .admittedOn(LocalDate.of(2025, 7, 1), 2025)
              .probationary(true)
              .build();

      Eligibility eligibility = RULES.eligibility(QD_366_2025, facts);

      assertThat(eligibility.rated()).isFalse();
      assertThat(eligibility.reason()).isEqualTo(ReasonCode.ADMITTED_UNDER_6_MONTHS);
      assertThat(eligibility.form()).isEmpty();
    }

    @Test
    void theStrictestCapWinsAndAllAreListedStrictestFirst() {
      MemberFacts facts =
          official().sickLeaveMonths(4).civilServiceLevel(GOOD).concludedDegradation(true).build();

      assertThat(RULES.caps(QD_124_2023, facts))
          .extracting(Cap::maxLevel, Cap::reason)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(NOT_COMPLETED, ReasonCode.DEGRADATION),
              org.assertj.core.groups.Tuple.tuple(COMPLETED, ReasonCode.SICK_LEAVE_3_MONTHS),
              org.assertj.core.groups.Tuple.tuple(GOOD, ReasonCode.CIVIL_SERVICE_LEVEL));
      assertThat(RULES.strictestCap(QD_124_2023, facts))
          .get()
          .extracting(Cap::maxLevel)
          .isEqualTo(NOT_COMPLETED);
    }

    @ParameterizedTest
    @EnumSource(Regulation.class)
    void noCapWhenNothingApplies(Regulation regulation) {
      assertThat(RULES.strictestCap(regulation, official().civilServiceLevel(EXCELLENT).build()))
          .isEmpty();
    }

    @Test
    void selfDetectedDisciplineIsNoCapSince124ButIsUnder132() {
      MemberFacts facts =
          official().disciplined(true).disciplineSelfDetectedAndRemedied(true).build();

      assertThat(RULES.strictestCap(QD_366_2025, facts)).isEmpty();
      assertThat(RULES.strictestCap(QD_124_2023, facts)).isEmpty();
      assertThat(RULES.strictestCap(QD_132_2018, facts))
          .get()
          .extracting(Cap::reason)
          .isEqualTo(ReasonCode.DISCIPLINED);
    }

    @Test
    void the366LevelComesFromTheScore() {
      LevelResult result = RULES.level(QD_366_2025, EXCELLENT_SCORE);

      assertThat(result.level()).isEqualTo(EXCELLENT);
      assertThat(result.rule().ruleId()).isEqualTo("member-level-QD-366-2025-excellent");
      assertThat(result.rule().source()).contains("366-QĐ/TW Điều 11");
    }

    @Test
    void theNotCompletedThresholdIsConfiguration() {
      ScoreAssessment score55 = new ScoreAssessment(55, true, 0, true);

      assertThat(RULES.level(QD_366_2025, score55).level()).isEqualTo(COMPLETED);
      assertThat(
              new RuleBook(RuleSettings.defaults().withNotCompletedBelow(60))
                  .level(QD_366_2025, score55)
                  .level())
          .isEqualTo(NOT_COMPLETED);
    }

    @ParameterizedTest
    @EnumSource(
        value = Regulation.class,
        names = {"QD_124_2023", "QD_132_2018"})
    void the124And132LevelComesFromTheGrades(Regulation regulation) {
      assertThat(RULES.level(regulation, EXCELLENT_GRADES).level()).isEqualTo(EXCELLENT);
      assertThat(
              RULES
                  .level(
                      regulation,
                      CriteriaAssessment.ofGrades(
                          List.of(Grade.EXCELLENT, Grade.GOOD),
                          List.of(Grade.EXCELLENT, Grade.AVERAGE),
                          null))
                  .level())
          .isEqualTo(COMPLETED);
    }

    @Test
    void theAssessmentMustFitTheRegulation() {
      assertThat(Assessment.kindFor(QD_366_2025)).isEqualTo(ScoreAssessment.class);
      assertThat(Assessment.kindFor(QD_132_2018)).isEqualTo(CriteriaAssessment.class);
      assertThatThrownBy(() -> RULES.level(QD_366_2025, EXCELLENT_GRADES))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ScoreAssessment");
      assertThatThrownBy(() -> RULES.level(QD_124_2023, EXCELLENT_SCORE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("CriteriaAssessment");
    }

    @Test
    void aRatingLowersTheComputedLevelToTheStrictestCap() {
      Rating rating =
          RULES.rate(
              QD_366_2025,
              official().sickLeaveMonths(3).civilServiceLevel(GOOD).build(),
              EXCELLENT_SCORE);

      assertThat(rating.rated()).isTrue();
      assertThat(rating.computed().level()).isEqualTo(EXCELLENT);
      assertThat(rating.finalLevel()).contains(COMPLETED);
      assertThat(rating.decisiveCap())
          .get()
          .extracting(Cap::reason)
          .isEqualTo(ReasonCode.SICK_LEAVE_3_MONTHS);
    }

    @Test
    void aRatingWithoutCapKeepsTheComputedLevel() {
      Rating rating = RULES.rate(QD_124_2023, official().build(), EXCELLENT_GRADES);

      assertThat(rating.finalLevel()).contains(EXCELLENT);
      assertThat(rating.caps()).isEmpty();
      assertThat(rating.decisiveCap()).isEmpty();
    }

    @Test
    void aMemberWhoIsNotRatedGetsNoLevel() {
      Rating rating = RULES.rate(QD_366_2025, official().exempted(true).build(), EXCELLENT_SCORE);

      assertThat(rating.rated()).isFalse();
      assertThat(rating.eligibility().reason()).isEqualTo(ReasonCode.EXEMPTED);
      assertThat(rating.finalLevel()).isEmpty();
      assertThat(rating.computed()).isNull();
    }

    @Test
    void theCivilServiceLevelMustBeTheSameInFactsAndAssessment() {
      assertThatThrownBy(
              () ->
                  RULES.rate(
                      QD_124_2023, official().civilServiceLevel(GOOD).build(), EXCELLENT_GRADES))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("civil-service level");
    }

    @Test
    void evaluationsOnManyThreadsKeepTheirOwnRules() {
      List<String> expected =
          IntStream.range(0, 400)
              .mapToObj(
                  i ->
                      i % 2 == 0
                          ? "member-level-QD-366-2025-excellent"
                          : "member-level-QD-132-2018-completed")
              .toList();
      List<String> actual =
          IntStream.range(0, 400)
              .parallel()
              .mapToObj(
                  i ->
                      i % 2 == 0
                          ? RULES.level(QD_366_2025, EXCELLENT_SCORE).rule().ruleId()
                          : RULES
                              .level(
                                  QD_132_2018,
                                  new CriteriaAssessment(Grade.AVERAGE, Grade.GOOD, null))
                              .rule()
                              .ruleId())
              .toList();
      assertThat(actual).isEqualTo(expected);
    }

    @Test
    void anUnknownDecisionIsRefused() {
      assertThatThrownBy(() -> RULES.evaluate("member-level-QD-999-2030", java.util.Map.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Organizations {

    @ParameterizedTest
    @CsvSource({
      "0, false, ORGANIZATION_UNDER_6_MONTHS",
      "5, false, ORGANIZATION_UNDER_6_MONTHS",
      "6, true, ORGANIZATION_RATED"
    })
    void anOrganizationSetUpLessThan6MonthsAgoIsNotRated(
        int months, boolean rated, ReasonCode reason) {
      Eligibility eligibility = RULES.organizationEligibility(QD_366_2025, months);

      assertThat(eligibility.rated()).isEqualTo(rated);
      assertThat(eligibility.reason()).isEqualTo(reason);
      assertThat(eligibility.form()).isEmpty();
    }
  }

  @Nested
  class Quota {

    @ParameterizedTest(name = "{0} EXCELLENT, {1} GOOD: at most {2}")
    @CsvSource({
      "0, 0, 0",
      "1, 4, 0",
      "1, 5, 1",
      "2, 10, 2",
      "3, 10, 2",
      "3, 15, 3",
      "4, 19, 3",
      "20, 100, 20"
    })
    void excellentIsAtMostTwentyPercentOfGoodRoundedDown(int excellent, int good, int max) {
      QuotaCheck check = RULES.quota(excellent, good);

      assertThat(check.maxExcellent()).isEqualTo(max);
      assertThat(check.withinQuota()).isEqualTo(excellent <= max);
      assertThat(check.excess()).isEqualTo(Math.max(0, excellent - max));
      assertThat(check.ratio()).isEqualByComparingTo("0.20");
    }

    @Test
    void theRatioIsConfiguration() {
      RuleBook quarter =
          new RuleBook(RuleSettings.defaults().withExcellentQuotaRatio(new BigDecimal("0.25")));

      assertThat(quarter.quota(3, 10).maxExcellent()).isEqualTo(2);
      assertThat(quarter.quota(3, 12).withinQuota()).isTrue();
    }

    @Test
    void negativeCountsAreRefused() {
      assertThatThrownBy(() -> RULES.quota(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Votes {

    @ParameterizedTest(name = "EXCELLENT: {2} of {0} official members, {1} exempted → {3}")
    @CsvSource({
      "9, 0, 6, true",
      "9, 0, 5, false",
      "10, 1, 6, true",
      "10, 0, 6, false",
      "3, 0, 2, true"
    })
    void excellentNeedsTwoThirdsOfTheOfficialMembersNotExempted(
        int official, int exempted, int votes, boolean supports) {
      assertThat(RULES.voteSupports(EXCELLENT, new VoteTally(official, exempted, votes)))
          .isEqualTo(supports);
    }

    @ParameterizedTest(name = "GOOD: {2} of {0} official members, {1} exempted → {3}")
    @CsvSource({"10, 0, 5, false", "10, 0, 6, true", "11, 1, 5, false", "9, 0, 5, true"})
    void goodNeedsMoreThanHalf(int official, int exempted, int votes, boolean supports) {
      assertThat(RULES.voteSupports(GOOD, new VoteTally(official, exempted, votes)))
          .isEqualTo(supports);
    }

    @ParameterizedTest
    @EnumSource(
        value = Level.class,
        names = {"COMPLETED", "NOT_COMPLETED"})
    void theLowerLevelsHaveNoThreshold(Level level) {
      assertThat(RULES.voteThreshold(level)).isEmpty();
      assertThat(RULES.voteSupports(level, new VoteTally(10, 0, 0))).isTrue();
    }

    @Test
    void noOneEntitledToVoteSupportsNothing() {
      assertThat(RULES.voteSupports(EXCELLENT, new VoteTally(2, 2, 0))).isFalse();
    }

    @Test
    void thresholdsAreConfiguration() {
      RuleBook strict =
          new RuleBook(
              RuleSettings.defaults()
                  .withExcellentVote(VoteThreshold.parse(">=3/4"))
                  .withGoodVote(VoteThreshold.parse("≥ 2/3")));

      assertThat(strict.voteSupports(EXCELLENT, new VoteTally(12, 0, 8))).isFalse();
      assertThat(strict.voteSupports(EXCELLENT, new VoteTally(12, 0, 9))).isTrue();
      assertThat(strict.voteSupports(GOOD, new VoteTally(12, 0, 8))).isTrue();
    }

    @Test
    void impossibleTalliesAreRefused() {
      assertThatThrownBy(() -> new VoteTally(5, 6, 0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new VoteTally(5, 1, 5)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new VoteTally(-1, 0, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aThresholdReadsBackWhatItPrints() {
      assertThat(VoteThreshold.parse(">=2/3")).isEqualTo(VoteThreshold.atLeast(2, 3));
      assertThat(VoteThreshold.parse(" > 1 / 2 ")).isEqualTo(VoteThreshold.moreThan(1, 2));
      assertThat(VoteThreshold.parse(VoteThreshold.moreThan(1, 2).toString()))
          .isEqualTo(VoteThreshold.moreThan(1, 2));
      assertThatThrownBy(() -> VoteThreshold.parse("2/3"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> VoteThreshold.atLeast(4, 3))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Values {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
      RuleSettings defaults = RuleSettings.defaults();

      assertThat(defaults.excellentQuotaRatio()).isEqualByComparingTo("0.20");
      assertThat(defaults.notCompletedBelow()).isEqualTo(50);
      assertThat(defaults.excellentVote()).isEqualTo(VoteThreshold.atLeast(2, 3));
      assertThat(defaults.goodVote()).isEqualTo(VoteThreshold.moreThan(1, 2));
      assertThat(RULES.settings()).isEqualTo(defaults);
    }

    @Test
    void settingsOutOfRangeAreRefused() {
      assertThatThrownBy(
              () -> RuleSettings.defaults().withExcellentQuotaRatio(new BigDecimal("1.5")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> RuleSettings.defaults().withNotCompletedBelow(71))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "admitted {0}, rated for {1}: {2} months")
    @CsvSource({
      "2025-07-01, 2025, 5",
      "2025-06-30, 2025, 6",
      "2025-12-31, 2025, 0",
      "2026-01-05, 2025, 0",
      "2020-01-01, 2025, 71"
    })
    void monthsAreWholeMonthsToTheEndOfTheYear(LocalDate since, int year, int months) {
      assertThat(MemberFacts.monthsToYearEnd(since, year)).isEqualTo(months);
    }

    @Test
    void factsNeedTheAdmissionAndSaneValues() {
      assertThatThrownBy(() -> MemberFacts.builder().build())
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> official().sickLeaveMonths(13).build())
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> official().tasksCompletedPercent(101.0).build())
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new ScoreAssessment(100.5, true, 0, true))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new ScoreAssessment(Double.NaN, true, 0, true))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWeakestGradeDecidesAGroup() {
      assertThat(Grade.weakest(List.of(Grade.EXCELLENT, Grade.AVERAGE, Grade.GOOD)))
          .isEqualTo(Grade.AVERAGE);
      assertThatThrownBy(() -> Grade.weakest(List.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void levelsAreOrderedBestFirst() {
      assertThat(Levels.isAbove(EXCELLENT, GOOD)).isTrue();
      assertThat(Levels.isAbove(COMPLETED, NOT_COMPLETED)).isTrue();
      assertThat(Levels.lower(GOOD, COMPLETED)).isEqualTo(COMPLETED);
      assertThat(Levels.lower(GOOD, GOOD)).isEqualTo(GOOD);
    }

    @Test
    void everyCodeHasBothLabels() {
      for (ReasonCode code : ReasonCode.values()) {
        assertThat(code.label()).as(code.name()).isNotBlank();
        assertThat(code.englishLabel()).as(code.name()).isNotBlank();
      }
      for (FormKind kind : FormKind.values()) {
        assertThat(kind.label()).isNotBlank();
      }
      for (Grade grade : Grade.values()) {
        assertThat(grade.label()).isNotBlank();
      }
    }
  }
}
