package vn.party.evaluation.selfreview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.process.validation.SelfReviewRules;
import vn.party.evaluation.process.validation.TaskCompletionRules.FormField;
import vn.party.evaluation.web.FieldProblem;

/**
 * The sections of a self-criticism the regulation requires, required when a member submits on the people's pages:
 * strengths (I), limitations and their causes (II), the results of remedying earlier shortcomings (III, on the
 * official members' forms) and the direction and remedies (VI). A blank or near-blank section is the formal, empty
 * self-review the process exists to stop.
 *
 * <p>Each section's minimum length is a setting, {@code evaluation.self-review.min-length.<field>} (default {@code
 * evaluation.self-review.min-length.default}, 20 characters): the regulation requires the content, not a length, so
 * the number is the organization's choice. Drafts are not held to it. Not applied to the domain API, Tasklist or the
 * engine REST API (their clients and the load tests submit the level alone): see evaluation-service/README.md.
 */
@Component
public class RequiredSections {

  /** The required sections, in form order. */
  public static final List<String> SECTIONS = List.of(ProcessVariables.STRENGTHS, ProcessVariables.LIMITATIONS,
      SelfReviewRules.SHORTCOMINGS_FIXED, ProcessVariables.REMEDIAL_MEASURES);

  private final Environment environment;

  public RequiredSections(Environment environment) {
    this.environment = environment;
  }

  /** The minimum length of a section (characters, after trimming). */
  public int minLength(String section) {
    int fallback = environment.getProperty("evaluation.self-review.min-length.default", Integer.class, 20);
    return environment.getProperty("evaluation.self-review.min-length." + section, Integer.class, fallback);
  }

  /** Whether the field is one of the required sections. */
  public boolean required(String field) {
    return SECTIONS.contains(field);
  }

  /**
   * The required sections of this member's form that are missing or shorter than their minimum, as refusals whose
   * reason is {@code section-too-short} (the message names the section and the minimum).
   */
  public List<FieldProblem> problems(List<FormField> form, Map<String, Object> values) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FormField field : form) {
      if (!SECTIONS.contains(field.name())) {
        continue;
      }
      Object value = values.get(field.name());
      int length = value instanceof String text ? text.strip().codePointCount(0, text.strip().length()) : 0;
      if (length < minLength(field.name())) {
        problems.add(new FieldProblem(field.name(), "section-too-short", null));
      }
    }
    return problems;
  }
}
