package vn.party.evaluation.completion;

import org.springframework.context.annotation.Configuration;
import vn.party.evaluation.process.validation.TaskCompletionRules;
import vn.party.evaluation.rules.RuleBook;

/**
 * Gives the completion rules the application's configured rule book, so that a self-review's level is computed with
 * the configured settings (e.g. {@code evaluation.rules.not-completed-below}) at every door, as the rules that keep it
 * did before they were computed once (issue 15).
 */
@Configuration(proxyBeanMethods = false)
class CompletionRulesSettings {

  CompletionRulesSettings(RuleBook rules) {
    TaskCompletionRules.useRules(rules);
  }
}
