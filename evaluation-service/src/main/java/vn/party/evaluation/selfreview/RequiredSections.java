package vn.party.evaluation.selfreview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.validation.SelfReviewRules;

/**
 * The settings of the sections a self-criticism requires ({@link SelfReviewRules#REQUIRED_SECTIONS}: strengths,
 * limitations and their causes, remedies of earlier shortcomings, direction). The rule itself is the completion
 * rules' ({@code SelfReviewRules}, checked by {@code TaskCompletionRules} at every door: the people's pages, the
 * domain API, engine REST, Tasklist); this class only reads the minimum lengths and puts them on each self-review task
 * ({@link #taskVariables}), where the rule reads them.
 *
 * <p>Each section's minimum length is a setting, {@code evaluation.self-review.min-length.<field>} (default {@code
 * evaluation.self-review.min-length.default}, {@value SelfReviewRules#DEFAULT_MIN_LENGTH} characters): the regulation
 * requires the content, not a length, so the number is the organization's choice. Drafts are not held to it.
 */
@Component
public class RequiredSections {

  /** The required sections, in form order. */
  public static final List<String> SECTIONS = SelfReviewRules.REQUIRED_SECTIONS;

  private final Environment environment;

  public RequiredSections(Environment environment) {
    this.environment = environment;
  }

  /** The minimum length of a section (characters, after trimming), as set. */
  public int minLength(String section) {
    int fallback =
        environment.getProperty(
            "evaluation.self-review.min-length.default",
            Integer.class,
            SelfReviewRules.DEFAULT_MIN_LENGTH);
    return environment.getProperty(
        "evaluation.self-review.min-length." + section, Integer.class, fallback);
  }

  /**
   * The task-local variables a self-review task gets when it is created: each section's minimum length set otherwise
   * than the rule's own default ({@link SelfReviewRules#DEFAULT_MIN_LENGTH}, which the rule applies to a task without
   * the variable): with the default settings none (issue 15: four variables, eight rows, at every launched member).
   */
  public Map<String, Object> taskVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String section : SECTIONS) {
      int minLength = minLength(section);
      if (minLength != SelfReviewRules.DEFAULT_MIN_LENGTH) {
        variables.put(SelfReviewRules.minLengthVariable(section), minLength);
      }
    }
    return variables;
  }
}
