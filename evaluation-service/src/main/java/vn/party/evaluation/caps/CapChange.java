package vn.party.evaluation.caps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.rules.Cap;

/**
 * A cap computed anew for a member ({@link LevelCapService}) or a collective ({@code collective.CollectiveCapService}),
 * against the cap shown before: what the timeline records of it. One entry shape for both, so that an auditor reads a
 * collective's cap history as a member's.
 *
 * @param caps every cap that applies, strictest first
 * @param previous the {@code levelCap} shown before (a level name), or null
 * @param trigger what made it be computed (a task, an event type)
 */
public record CapChange(List<Cap> caps, String previous, String trigger) {

  /** The cap in force now, or null. */
  public Cap strictest() {
    return caps.isEmpty() ? null : caps.get(0);
  }

  /** No cap before and none now: nothing to record (the text only said so for the first time). */
  public boolean nothingToRecord() {
    return strictest() == null && previous == null;
  }

  public TimelineKind timelineKind() {
    return strictest() == null ? TimelineKind.LEVEL_CAP_LIFTED : TimelineKind.LEVEL_CAP_APPLIED;
  }

  /** The timeline entry's details: the trigger and the cap before, and the cap now with its rule and every rule. */
  public Map<String, Object> details() {
    Cap strictest = strictest();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("trigger", trigger);
    details.put("previousLevelCap", previous);
    if (strictest != null) {
      details.put("levelCap", strictest.maxLevel().name());
      details.put("reasonCode", strictest.reason().name());
      details.put("reason", strictest.reason().label());
      details.put("ruleId", strictest.rule().ruleId());
      details.put("source", strictest.rule().source());
      details.put("allCaps", caps.stream().map(cap -> cap.rule().ruleId()).toList());
    }
    return details;
  }
}
