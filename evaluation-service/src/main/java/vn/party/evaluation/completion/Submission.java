package vn.party.evaluation.completion;

import java.util.Map;
import java.util.function.Function;

/**
 * One completion of a member's task, as its command sees it whatever the door.
 *
 * @param subject the member the task is about (the timeline's subject)
 * @param values the form's fields as submitted
 * @param variables the task's other variables, read on demand (who the member is, the organization, the branch…)
 * @param keptByApplication whether the application keeps the long texts itself (the domain API and the pages), or
 *     the engine got what fits of them (Tasklist, engine REST: the whole texts are then {@code WholeTexts})
 */
public record Submission(
    String taskId,
    String taskKey,
    int year,
    String subject,
    String actor,
    Map<String, Object> values,
    Function<String, Object> variables,
    boolean keptByApplication) {

  /** The same submission by that person. */
  public Submission by(String person) {
    return new Submission(
        taskId, taskKey, year, subject, person, values, variables, keptByApplication);
  }

  /** A variable of the task (a submitted field first). */
  public Object variable(String name) {
    return values.containsKey(name) ? values.get(name) : variables.apply(name);
  }
}
