package vn.party.evaluation.process.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;
import vn.party.evaluation.rules.RuleSettings;
import vn.party.evaluation.rules.VoteThreshold;

/**
 * Issue 15: a branch review task gets a vote threshold as a variable only where the setting is not the documented
 * default, which the check applies to a task without the variable: each variable costs rows at every branch review.
 */
class BranchVoteRuleVariablesTest {

  @Test
  void theDefaultThresholdsPutNoVariableOnTheTask() {
    assertThat(BranchVote.ruleVariables(RuleSettings.defaults())).isEmpty();
  }

  @Test
  void aThresholdSetOtherwiseIsPutOnTheTask() {
    RuleSettings stricter = RuleSettings.defaults().withExcellentVote(VoteThreshold.parse(">=3/4"));
    assertThat(BranchVote.ruleVariables(stricter))
        .containsOnly(entry("excellentVoteRule", ">=3/4"));

    RuleSettings lenient = RuleSettings.defaults().withGoodVote(VoteThreshold.parse(">=1/3"));
    assertThat(BranchVote.ruleVariables(lenient)).containsOnly(entry("goodVoteRule", ">=1/3"));
  }
}
