package vn.party.evaluation.feedback.flow;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.BusinessKeys;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.process.TextLimits;

/** The engine's side of a residence comment that arrived for a running evaluation. */
@Component
public class ResidenceCommentDelivery {

  private final RuntimeService runtimeService;

  public ResidenceCommentDelivery(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /**
   * The comment becomes the evaluation's {@code residenceComment} (what fits in an engine variable; the whole is
   * kept in the domain tables, issue 12), and an evaluation waiting for it goes on. The latest comment wins in the
   * engine as on the record (issue 12, outsiders' finding: a second comment replaced the first on the record, while
   * the engine, which no longer waited for one, kept the first).
   */
  public void deliver(int year, String memberId, String comment) {
    String key = BusinessKeys.member(year, memberId);
    String forEngine = TextLimits.forEngine(comment);
    // the waiting instance gets the comment with the message; only the others are given it apart
    // (issue 15: the waiting one was given it twice, an update and a history row more per event).
    // Nothing waits yet before the lookup step, which will find the stored comment.
    boolean waited =
        !runtimeService
            .createMessageCorrelation(ProcessKeys.MESSAGE_RESIDENCE_FEEDBACK_RECEIVED)
            .processInstanceBusinessKey(key)
            .setVariable(ProcessVariables.RESIDENCE_COMMENT, forEngine)
            .correlateAllWithResult()
            .isEmpty();
    if (waited) {
      // issue 15: a member's evaluation of a year is one running instance (a movement deletes it
      // before a fresh start), and it took the comment with the message: no other is left to give
      // it
      // to, so it is not looked for (a query per event)
      return;
    }
    runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.MEMBER_EVALUATION)
        .processInstanceBusinessKey(key)
        .list()
        .forEach(
            instance ->
                runtimeService.setVariable(
                    instance.getId(), ProcessVariables.RESIDENCE_COMMENT, forEngine));
  }
}
