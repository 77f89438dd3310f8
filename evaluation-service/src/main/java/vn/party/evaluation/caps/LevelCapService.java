package vn.party.evaluation.caps;

import static vn.party.evaluation.process.ProcessVariables.LEVEL_CAP;
import static vn.party.evaluation.process.ProcessVariables.LEVEL_CAP_REASON;
import static vn.party.evaluation.process.ProcessVariables.SICK_LEAVE_MONTHS;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.caps.flow.RunningEvaluations;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.process.validation.LevelCaps;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.rules.Cap;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.RuleBook;
import vn.party.evaluation.security.Actors;

/**
 * Keeps a running evaluation's cap facts and displayed cap up to date: the facts received as events become the
 * process variables the completion rules read ({@link LevelCaps#SYSTEM_FACTS}), and the strictest cap with its
 * reasons becomes {@code levelCap} / {@code levelCapReason}, which the forms show. Done when each user task is created
 * and when a fact arrives; a change of the cap is recorded on the evaluation and its timeline.
 *
 * <p>The cap is computed by {@link LevelCaps} — the same computation the completion rules enforce — on the
 * instance's variables with the stored facts laid over them, so the forms show exactly what is enforced.
 */
@Component
public class LevelCapService {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final MemberFactStore store;
  private final RuleBook rules;
  private final EvaluationRecords records;
  private final Timeline timeline;
  private final RunningEvaluations running;
  private final MessageSource messages;

  public LevelCapService(
      MemberFactStore store,
      RuleBook rules,
      EvaluationRecords records,
      Timeline timeline,
      RunningEvaluations running,
      MessageSource messages) {
    this.store = store;
    this.rules = rules;
    this.records = records;
    this.timeline = timeline;
    this.running = running;
    this.messages = messages;
  }

  /**
   * When a user task of the evaluation is created (in the engine's transaction): the variables to set on its
   * execution (none: empty). The first task sets {@code levelCap}, {@code levelCapReason} and the facts already known;
   * a fact not known (false, null) is created only when it becomes known (issue 15: absent means the same to every
   * reader). Two transactions creating the same variable at once (a fact's consumer and a task's creation, both
   * behind the evaluation's row lock, the latter with the variables it read before the lock) are told apart by the
   * engine's unique variable index as a concurrent modification, as two updates of one variable are by its revision.
   *
   * @param current the execution's variables, read once the evaluation's row is locked
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, Object> refresh(
      int year, String memberId, Supplier<Map<String, Object>> current, String taskKey) {
    records.lock(year, memberId); // serialises with the fact consumer
    return apply(year, memberId, current.get(), taskKey);
  }

  /**
   * When a fact arrives for a member whose evaluation exists; the caller holds the evaluation's row lock. An
   * evaluation already decided is left as it is (re-rating is a step of its own).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void refreshRunning(int year, String memberId, String eventType) {
    EvaluationRecord record = records.find(year, memberId).orElseThrow();
    String processInstanceId = record.processInstanceId();
    List<String> names = new ArrayList<>(LevelCaps.INPUTS);
    names.addAll(List.of(LEVEL_CAP, LEVEL_CAP_REASON));
    Optional<Map<String, Object>> current = running.variables(processInstanceId, names);
    if (current.isEmpty()) {
      return;
    }
    Map<String, Object> updates = apply(year, memberId, current.get(), eventType);
    if (!updates.isEmpty()) {
      running.setVariables(processInstanceId, updates);
    }
  }

  /** The variables to change (absent or different ones only: every update is kept in the engine's history). */
  private Map<String, Object> apply(
      int year, String memberId, Map<String, Object> current, String trigger) {
    KnownFacts facts = store.facts(year, memberId);
    Map<String, Object> wanted = new HashMap<>(facts.variables());
    Map<String, Object> merged = new HashMap<>(current);
    merged.putAll(wanted);
    List<Cap> caps = LevelCaps.caps(rules, merged);
    CapChange change = new CapChange(caps, (String) current.get(LEVEL_CAP), trigger);
    Cap strictest = change.strictest();
    wanted.put(LEVEL_CAP, strictest == null ? null : strictest.maxLevel().name());
    wanted.put(
        LEVEL_CAP_REASON,
        CapExplanation.explain(
            messages, caps, cap -> because(cap, facts, merged, CapExplanation.VIETNAMESE)));

    Map<String, Object> updates = CapExplanation.changed(current, wanted);
    if (updates.containsKey(LEVEL_CAP) || updates.containsKey(LEVEL_CAP_REASON)) {
      capChanged(year, memberId, change);
    }
    // issue 15: a fact not known is what an absent variable already means to every reader
    // (LevelCaps.facts: false, no level), so it is not created until it is known: a launched
    // member without facts was 5 variables (10 rows, 5 detail rows) of false and null. The
    // display variables levelCap and levelCapReason are created always: Tasklist's forms and the
    // engine REST API's form variables show them, null included.
    updates
        .entrySet()
        .removeIf(
            e ->
                LevelCaps.SYSTEM_FACTS.contains(e.getKey())
                    && !current.containsKey(e.getKey())
                    && notKnown(e.getValue()));
    return updates;
  }

  /** A fact's "not known" value: what an absent variable means ({@link LevelCaps#facts}). */
  private static boolean notKnown(Object value) {
    return value == null || Boolean.FALSE.equals(value);
  }

  private void capChanged(int year, String memberId, CapChange change) {
    if (change.nothingToRecord()) {
      return;
    }
    Cap strictest = change.strictest();
    records.levelCap(
        year,
        memberId,
        strictest == null ? null : strictest.maxLevel().name(),
        strictest == null ? null : strictest.reason().name(),
        strictest == null ? null : strictest.rule().ruleId());
    timeline.record(
        year,
        memberId,
        change.timelineKind(),
        null,
        null,
        Actors.SYSTEM, // the rules applied to the facts, whoever's step or event brought them
        change.details());
  }

  /**
   * The explanation of a member's cap as a page in {@code locale} shows it ({@link CapExplanation#shown}): rebuilt from
   * the caps the task's variables give with the stored facts laid over them, as {@link #apply} computes them.
   *
   * @param variables the task's {@link LevelCaps#INPUTS}, {@code year}, {@code memberId}, {@code levelCap} and {@code
   *     levelCapReason}
   */
  public String explanation(Map<String, Object> variables, Locale locale) {
    String stored = (String) variables.get(LEVEL_CAP_REASON);
    if (stored == null
        || !CapExplanation.rebuiltIn(locale)
        || !(variables.get(ProcessVariables.YEAR) instanceof Number year)
        || !(variables.get(ProcessVariables.MEMBER_ID) instanceof String memberId)) {
      return CapExplanation.inLanguage(messages, stored, locale);
    }
    KnownFacts facts = store.facts(year.intValue(), memberId);
    Map<String, Object> merged = new HashMap<>(variables);
    merged.putAll(facts.variables());
    return CapExplanation.shown(
        messages,
        (String) variables.get(LEVEL_CAP),
        stored,
        LevelCaps.caps(rules, merged),
        cap -> because(cap, facts, merged, locale),
        locale);
  }

  /** The facts behind a cap, where the system knows more than the rule's name, in {@code locale}. */
  private String because(Cap cap, KnownFacts facts, Map<String, Object> variables, Locale locale) {
    return switch (cap.reason()) {
      case DISCIPLINED ->
          text(
              locale,
              "cap.because.disciplined",
              facts.disciplines().stream()
                  .map(
                      d ->
                          text(
                              locale,
                              "cap.because.decision",
                              d.decisionId(),
                              CapExplanation.label(d.form(), locale),
                              DATE.format(d.decidedOn()),
                              d.decidedBy()))
                  .collect(Collectors.joining("; ")));
      case CIVIL_SERVICE_LEVEL ->
          facts.civilServiceLevel() == null
              ? ""
              : text(
                  locale,
                  "cap.because.civil-service",
                  CapExplanation.level(messages, facts.civilServiceLevel(), locale));
      case SICK_LEAVE_3_MONTHS ->
          text(locale, "cap.because.sick-leave", String.valueOf(variables.get(SICK_LEAVE_MONTHS)));
      case HEADED_UNIT_LEVEL ->
          variables.get(ProcessVariables.HEADED_UNIT_LEVEL) instanceof String name
              ? Level.parse(name)
                  .map(
                      level ->
                          text(
                              locale,
                              "cap.because.headed-unit",
                              CapExplanation.level(messages, level, locale)))
                  .orElse("")
              : "";
      default -> "";
    };
  }

  private String text(Locale locale, String key, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }
}
