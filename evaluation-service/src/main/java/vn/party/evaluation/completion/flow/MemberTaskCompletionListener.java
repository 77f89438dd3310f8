package vn.party.evaluation.completion.flow;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.party.evaluation.completion.Completions;
import vn.party.evaluation.completion.Submission;
import vn.party.evaluation.process.flow.CompletionRulesInEngine;
import vn.party.evaluation.process.validation.CompletionCheck;
import vn.party.evaluation.process.validation.CompletionJudgement;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TaskCompletionRules;
import vn.party.evaluation.security.Actors;

/**
 * The engine's side of {@link Completions} for a member's task: every completion passes here, inside the engine's
 * transaction (Spring eventing bridge, not skippable, before the listener the BPMN declares), whatever the door. A
 * completion the application checked and kept before the engine (the domain API, the pages) is only recorded; one
 * through Tasklist or the engine REST API is checked (a refusal is the engine REST API's 400 naming the field), kept
 * and recorded here. Either way the BPMN-declared validator is told it passed ({@link CompletionCheck}).
 */
@Component
public class MemberTaskCompletionListener {

  /** What keeping a self-review reads of the task besides the submitted fields. */
  private static final List<String> KEEP_CONTEXT =
      List.of(YEAR, MEMBER_ID, REGULATION, LEADERSHIP_POST, CIVIL_SERVICE_LEVEL, FORM_KIND);

  private final Completions completions;
  private final Actors actors;

  public MemberTaskCompletionListener(Completions completions, Actors actors) {
    this.completions = completions;
    this.actors = actors;
  }

  @EventListener
  public void on(DelegateTask task) {
    if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
        || task.getVariable(MEMBER_ID) == null
        || task.getVariable(YEAR) == null
        || !TaskCompletionRules.covers(task.getTaskDefinitionKey())) {
      return; // not the completion of a member's task
    }
    String taskId = task.getId();
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field : TaskCompletionRules.fields(task.getTaskDefinitionKey())) {
      values.put(field, task.getVariable(field));
    }
    Submission submission =
        new Submission(
            taskId,
            task.getTaskDefinitionKey(),
            ((Number) task.getVariable(YEAR)).intValue(),
            (String) task.getVariable(MEMBER_ID),
            actors.current(),
            values,
            task::getVariable,
            false);
    Optional<CompletionJudgement> judged =
        CompletionRulesInEngine.judge(
            task, true, errors -> completions.refused(submission, errors, task.getVariables()));
    if (judged.isPresent()) {
      // the application's own checks (the quota at the decision), as the engine REST API's 400
      List<FieldError> guarded = completions.guarded(submission);
      if (!guarded.isEmpty()) {
        CompletionCheck.forget(taskId);
        throw CompletionRulesInEngine.refusal(guarded);
      }
      Map<String, Object> context = new HashMap<>();
      KEEP_CONTEXT.forEach(name -> context.put(name, task.getVariable(name)));
      Map<String, Object> kept = completions.keep(submission, judged.get(), context);
      if (kept != null) {
        task.getExecution().setVariables(kept);
      }
    }
    completions.completed(submission);
  }
}
