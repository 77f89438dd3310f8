package vn.party.evaluation.collective;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.caps.CapChange;
import vn.party.evaluation.caps.CapExplanation;
import vn.party.evaluation.process.validation.CollectiveCaps;
import vn.party.evaluation.rules.Cap;
import vn.party.evaluation.rules.RuleBook;
import vn.party.evaluation.security.Actors;

/**
 * Keeps a collective's cap facts and its displayed cap up to date: computed from stored facts (discipline decisions of
 * its leadership members, the results of its subordinates) into the process variables {@link CollectiveCaps#INPUTS},
 * and the strictest cap with its reasons into {@code levelCap} / {@code levelCapReason} for the forms. Done when the
 * rating opens and when each of its tasks is created, so the decision sees the facts as they are then. The cap is
 * computed by {@link CollectiveCaps}, the computation the completion rules enforce. The task results the collective
 * states in its self-review ({@code allTasksDone}, {@code lateTasksPercent}) are its own completion variables: read
 * here with the instance's other variables, never set (nor cleared) by this service.
 */
@Component
public class CollectiveCapService {

  private final CollectiveEvaluations evaluations;
  private final CollectiveProperties properties;
  private final RuleBook rules;
  private final Timeline timeline;
  private final MessageSource messages;
  private final RuntimeService runtimeService;

  public CollectiveCapService(
      CollectiveEvaluations evaluations,
      CollectiveProperties properties,
      RuleBook rules,
      Timeline timeline,
      MessageSource messages,
      RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
    this.evaluations = evaluations;
    this.properties = properties;
    this.rules = rules;
    this.timeline = timeline;
    this.messages = messages;
  }

  /** Recomputes the facts and the cap on the instance (an execution or a task); changes only what differs. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void refresh(VariableScope scope, String trigger) {
    apply(year(scope), scope.getVariables(), scope::setVariable, trigger);
  }

  /**
   * Recomputes the facts and the cap of the collective's rating of the year if it is open (a fact arrived while it
   * runs, e.g. a branch disciplined): the open task then shows, and its completion enforces, the new cap at once.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void refreshRunning(int year, String collectiveId, String trigger) {
    String processInstanceId =
        evaluations
            .find(year, collectiveId)
            .map(CollectiveEvaluation::processInstanceId)
            .orElse(null);
    if (processInstanceId == null
        || runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()
            == 0) {
      return;
    }
    apply(
        year,
        runtimeService.getVariables(processInstanceId),
        (name, value) -> runtimeService.setVariable(processInstanceId, name, value),
        trigger);
  }

  private void apply(
      int year, Map<String, Object> current, BiConsumer<String, Object> set, String trigger) {
    String collectiveId = (String) current.get(COLLECTIVE_ID);
    String kind = (String) current.get(COLLECTIVE_KIND);
    UUID campaignId = UUID.fromString((String) current.get(CAMPAIGN_ID));
    boolean[] leadership = evaluations.leadershipDisciplined(year, kind, collectiveId);

    Map<String, Object> wanted = new HashMap<>();
    wanted.put(LEADERSHIP_DISCIPLINED, leadership[0]);
    wanted.put(LEADERSHIP_DISCIPLINED_WARNING_OR_ABOVE, leadership[1]);
    wanted.put(
        SUBORDINATE_UNIT_DISCIPLINED,
        evaluations.subordinateUnitDisciplined(year, kind, collectiveId));
    wanted.put(
        SUBORDINATE_SHORTFALL_PERCENT,
        evaluations.subordinateShortfallPercent(year, campaignId, kind, collectiveId));
    wanted.put(SUBORDINATE_SHORTFALL_THRESHOLD, properties.subordinateShortfallThresholdPercent());
    Map<String, Object> merged = new HashMap<>(current);
    merged.putAll(wanted);
    List<Cap> caps = CollectiveCaps.caps(rules, merged);
    CapChange change = new CapChange(caps, (String) current.get(LEVEL_CAP), trigger);
    Cap strictest = change.strictest();
    wanted.put(LEVEL_CAP, strictest == null ? null : strictest.maxLevel().name());
    wanted.put(
        LEVEL_CAP_REASON,
        CapExplanation.explain(
            messages, caps, cap -> because(cap, merged, CapExplanation.VIETNAMESE)));

    boolean capChanged =
        !current.containsKey(LEVEL_CAP)
            || !Objects.equals(change.previous(), wanted.get(LEVEL_CAP));
    CapExplanation.changed(current, wanted).forEach(set);
    if (capChanged && !change.nothingToRecord()) {
      evaluations.cap(year, collectiveId, strictest);
      timeline.record(
          year,
          CollectiveEvaluation.timelineSubject(collectiveId),
          change.timelineKind(),
          null,
          null,
          Actors.SYSTEM, // the rules applied to the facts, whoever's step brought them
          change.details());
    }
  }

  /**
   * The explanation of a collective's cap as a page in {@code locale} shows it ({@link CapExplanation#shown}): rebuilt
   * from the caps the task's variables give, the facts {@link #apply} set among them.
   *
   * @param variables the task's {@link CollectiveCaps#INPUTS}, its {@code levelCap} and {@code levelCapReason}
   */
  public String explanation(Map<String, Object> variables, Locale locale) {
    String stored = (String) variables.get(LEVEL_CAP_REASON);
    if (stored == null || !CapExplanation.rebuiltIn(locale)) {
      return CapExplanation.inLanguage(messages, stored, locale);
    }
    return CapExplanation.shown(
        messages,
        (String) variables.get(LEVEL_CAP),
        stored,
        CollectiveCaps.caps(rules, variables),
        cap -> because(cap, variables, locale),
        locale);
  }

  /** The figures behind a cap, where the variables hold more than the rule's name, in {@code locale}. */
  private String because(Cap cap, Map<String, Object> variables, Locale locale) {
    return switch (cap.reason()) {
      case SUBORDINATE_SHORTFALL ->
          messages.getMessage(
              "collective.cap.because.shortfall",
              new Object[] {
                variables.get(SUBORDINATE_SHORTFALL_PERCENT),
                variables.get(SUBORDINATE_SHORTFALL_THRESHOLD)
              },
              locale);
      case LATE_TASKS, LATE_TASKS_OVER_20_PERCENT ->
          messages.getMessage(
              "collective.cap.because.late",
              new Object[] {variables.get(LATE_TASKS_PERCENT)},
              locale);
      default -> "";
    };
  }
}
