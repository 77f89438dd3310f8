package vn.party.evaluation.task;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import vn.party.evaluation.process.validation.SelfReviewRules;
import vn.party.evaluation.process.validation.TaskCompletionRules.FormField;
import vn.party.evaluation.task.TaskApi.TaskView;
import vn.party.evaluation.web.FieldProblem;

/**
 * A task as its form page shows it.
 *
 * @param values the saved draft over the process's values, by field name
 * @param draftSavedAt when the draft was saved, null without one
 * @param mayWork whether the user may claim, save or submit (an auditor never may)
 * @param levelCap the level cap in force (a level name), null when none
 * @param levelCapReason why, in the page's language, below the level the page shows (null: the task shows no cap)
 * @param selfReviewOutcome self-review: the totals and the level the member's grades and points give, null until
 *     section I is complete
 * @param selfReviewForm self-review: the member's form ({@code SelfReviewRules.Form} name, e.g. F10_KND); null for
 *     other tasks
 * @param draftWarnings what still blocks the submission of the kept draft, by the draft's own check; empty without a
 *     draft, for a reader who may not work on the task, or where the caller did not ask for them
 */
public record TaskForm(
    TaskView task,
    List<FormField> fields,
    Map<String, Object> values,
    OffsetDateTime draftSavedAt,
    boolean mayWork,
    String levelCap,
    String levelCapReason,
    SelfReviewRules.Outcome selfReviewOutcome,
    String selfReviewForm,
    List<FieldProblem> draftWarnings) {

  /** The same form with the cap's reason as the reader's page shows it. */
  public TaskForm withLevelCapReason(String reason) {
    return new TaskForm(
        task,
        fields,
        values,
        draftSavedAt,
        mayWork,
        levelCap,
        reason,
        selfReviewOutcome,
        selfReviewForm,
        draftWarnings);
  }
}
