package vn.party.evaluation.completion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.caps.CapRefusals;
import vn.party.evaluation.process.validation.CompletionCheck;
import vn.party.evaluation.process.validation.CompletionJudgement;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TaskCompletionRules;

/**
 * The one completion path of a member's task, whichever door: the domain API and the pages call {@link #check} and
 * {@link #keep} before the engine and then complete inside {@link CompletionCheck#checkedByApplication}; Tasklist and
 * the engine REST API reach the same steps inside the engine (the completion listener, {@code
 * completion.flow.MemberTaskCompletionListener}). Either way the rules run once ({@link CompletionCheck}), a refusal
 * above a cap is recorded once, the submission is kept once ({@link TaskCompletion#keep}) and the record and events
 * are written once ({@link #completed}), each by the task kind's command.
 */
@Component
public class Completions {

  private final Map<String, TaskCompletion> commands;
  private final CapRefusals capRefusals;
  private final Timeline timeline;
  private final List<CompletionGuard> guards;

  public Completions(
      List<TaskCompletion> commands,
      CapRefusals capRefusals,
      Timeline timeline,
      List<CompletionGuard> guards) {
    this.commands =
        commands.stream().collect(Collectors.toMap(TaskCompletion::taskKey, Function.identity()));
    this.capRefusals = capRefusals;
    this.timeline = timeline;
    this.guards = List.copyOf(guards);
  }

  /**
   * The completion rules for the submission (before the engine: the domain API and the pages; inside it the
   * engine's listeners evaluate them through {@code process.flow.CompletionRulesInEngine}).
   *
   * @param checked the submitted fields with the task's variables the rules read
   * @return the refused fields (empty: the completion may go ahead), with what the rules computed for keeping it
   */
  public CompletionJudgement evaluate(Submission submission, Map<String, ?> checked) {
    CompletionJudgement rules =
        CompletionCheck.evaluate(
            submission.taskId(), submission.taskKey(), checked, submission.keptByApplication());
    List<FieldError> errors = new ArrayList<>(rules.errors());
    errors.addAll(guarded(submission));
    return new CompletionJudgement(errors, rules.outcome());
  }

  /**
   * The application's own checks of the submission ({@link CompletionGuard}): part of {@link #evaluate} before the
   * engine, run on their own by the engine's listener after the rules passed inside it.
   */
  public List<FieldError> guarded(Submission submission) {
    List<FieldError> errors = new ArrayList<>();
    guards.forEach(guard -> errors.addAll(guard.refusals(submission)));
    return errors;
  }

  /**
   * A refused completion, once, whichever door: a refusal above a cap is put on the timeline.
   *
   * @param levels the values submitted, to name the refused level
   */
  public void refused(Submission submission, List<FieldError> errors, Map<String, ?> levels) {
    if (CapRefusals.anyAboveCap(errors)) {
      capRefusals.record(
          submission.year(),
          submission.subject(),
          submission.taskKey(),
          submission.taskId(),
          submission.actor(),
          errors,
          levels);
    }
  }

  /**
   * Keeps what the application keeps of a checked submission (the self-review, whole, with the outcome its rules
   * computed) and returns the variables to give the engine in place of the submitted ones; null: nothing kept.
   *
   * @param judgement what the rules found (passed) for this submission
   */
  public Map<String, Object> keep(
      Submission submission, CompletionJudgement judgement, Map<String, Object> context) {
    if (!judgement.passed()) {
      throw new IllegalStateException("a refused submission is not kept: " + judgement.errors());
    }
    TaskCompletion command = commands.get(submission.taskKey());
    return command == null ? null : command.keep(submission, judgement, context);
  }

  /** The completion of a member's task went through (inside the engine): the timeline, the record, the events. */
  public void completed(Submission submission) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field : TaskCompletionRules.fields(submission.taskKey())) {
      values.put(field, submission.variable(field));
    }
    timeline.record(
        submission.year(),
        submission.subject(),
        TimelineKind.TASK_COMPLETED,
        submission.taskKey(),
        submission.taskId(),
        submission.actor(),
        values);
    guards.forEach(guard -> guard.completed(submission));
    TaskCompletion command = commands.get(submission.taskKey());
    if (command != null) {
      command.completed(submission);
    }
  }
}
