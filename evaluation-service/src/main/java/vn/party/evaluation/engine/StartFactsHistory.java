package vn.party.evaluation.engine;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import vn.party.evaluation.process.validation.SelfReviewRules;

/**
 * History level {@code full}, except one copy: the facts an evaluation starts with that never change (its campaign,
 * year, member, organization, regulation, form, due dates) and the settings a task is created with get no
 * {@code ACT_HI_DETAIL} row when they are created. Their {@code ACT_HI_VARINST} row already holds the same value, time
 * and process instance, and history {@code full} wrote each of them a third time: a launched member's start was mostly
 * these rows (bench/README.md, "Floors"). A fact a later step may change keeps its first value's detail row: the branch
 * (a transfer sets {@code branchId}: the engine's history must still show where the evaluation started — tenth
 * session's outsider, finding 4). Every other variable keeps its detail rows, so the engine's history shows who changed
 * what and when. Same id and name as the engine's {@code full}, so a database set up with {@code full} keeps working.
 *
 * <p>Likewise the displayed cap ({@code levelCap}, {@code levelCapReason}) created as "no cap" (null and the no-cap
 * text) when the first task is created: that is every member's start without facts, and its {@code ACT_HI_VARINST} row
 * holds the same value and time until the cap changes; the change, and a cap created as a cap, keep their detail rows,
 * so the first detail row of a cap without a creation row is a change from "no cap" (issue 15: two detail rows per
 * launched member).
 */
public class StartFactsHistory extends AbstractProcessEnginePlugin {

  /**
   * Set when a process starts, or as a task's settings when it is created (the self-review's minimum section lengths,
   * the branch review's vote rules), and read afterwards; {@code ProcessVariables} documents each.
   */
  static final Set<String> START_FACTS = startFacts();

  private static Set<String> startFacts() {
    Set<String> names = new HashSet<>();
    SelfReviewRules.REQUIRED_SECTIONS.forEach(
        section -> names.add(SelfReviewRules.minLengthVariable(section)));
    names.addAll(
        List.of(
            EXCELLENT_VOTE_RULE,
            GOOD_VOTE_RULE,
            CAMPAIGN_ID,
            YEAR,
            MEMBER_ID,
            MEMBER_NAME,
            MEMBER_USER_ID,
            ORGANIZATION_ID,
            REGULATION,
            FORM_KIND,
            LEADERSHIP_POST,
            HEAD_OF,
            HEADED_UNIT_ID,
            BRANCH_COMMITTEE_GROUP,
            ORGANIZATION_COMMITTEE_GROUP,
            SELF_REVIEW_DUE,
            RESIDENCE_FEEDBACK_DUE,
            UNIT_ASSESSMENT_DUE,
            BRANCH_REVIEW_DUE,
            DECISION_DUE));
    return Set.copyOf(names);
  }

  private final String noCapReason;

  /** @param noCapReason the {@code levelCapReason} of "no cap" (the Vietnamese text, as the forms show it) */
  public StartFactsHistory(String noCapReason) {
    this.noCapReason = noCapReason;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the engine takes the last level of its list named as `history`: the built-in ones come first
    List<HistoryLevel> custom = new ArrayList<>();
    if (configuration.getCustomHistoryLevels() != null) {
      custom.addAll(configuration.getCustomHistoryLevels());
    }
    custom.add(new Level(noCapReason));
    configuration.setCustomHistoryLevels(custom);
  }

  /** The engine's {@code full}, but a start fact's creation is not copied into {@code ACT_HI_DETAIL}. */
  static final class Level extends AbstractHistoryLevel {

    private final String noCapReason;

    Level(String noCapReason) {
      this.noCapReason = noCapReason;
    }

    @Override
    public int getId() {
      return HistoryLevel.HISTORY_LEVEL_FULL.getId();
    }

    @Override
    public String getName() {
      return HistoryLevel.HISTORY_LEVEL_FULL.getName();
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return !(eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
          && entity instanceof HistoricVariableUpdateEventEntity variable
          && variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
          && (START_FACTS.contains(variable.getVariableName()) || noCap(variable)));
    }

    /** The displayed cap created as "no cap": {@code levelCap} null, {@code levelCapReason} the no-cap text. */
    private boolean noCap(HistoricVariableUpdateEventEntity variable) {
      return switch (variable.getVariableName()) {
        case LEVEL_CAP ->
            variable.getTextValue() == null
                && variable.getByteValue() == null
                && variable.getLongValue() == null
                && variable.getDoubleValue() == null;
        case LEVEL_CAP_REASON ->
            noCapReason != null
                && noCapReason.equals(variable.getTextValue())
                && variable.getByteValue() == null;
        default -> false;
      };
    }
  }
}
