package vn.party.evaluation.caps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.rules.Cap;

/**
 * Puts a completion refused for a level above the cap on the timeline: auditors look for exactly this (a branch or a
 * committee trying to rate above what the rules allow). In a transaction of its own, because the refusal rolls the
 * completion's transaction back.
 */
@Component
public class CapRefusals {

  private final Timeline timeline;

  public CapRefusals(Timeline timeline) {
    this.timeline = timeline;
  }

  /**
   * Records each {@link FieldError#ABOVE_CAP} refusal among {@code errors}; nothing for the others.
   *
   * @param levels the submitted values, to name the refused level
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(
      int year,
      String memberId,
      String taskKey,
      String taskId,
      String actor,
      List<FieldError> errors,
      Map<String, ?> levels) {
    for (FieldError error : errors) {
      Cap cap = error.cap();
      if (!FieldError.ABOVE_CAP.equals(error.reason()) || cap == null) {
        continue;
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("field", error.field());
      details.put("level", String.valueOf(levels.get(error.field())));
      details.put("levelCap", cap.maxLevel().name());
      details.put("reasonCode", cap.reason().name());
      details.put("reason", cap.reason().label());
      details.put("ruleId", cap.rule().ruleId());
      timeline.record(
          year, memberId, TimelineKind.ABOVE_CAP_REFUSED, taskKey, taskId, actor, details);
    }
  }

  /** Whether any of the errors is a refusal above the cap. */
  public static boolean anyAboveCap(List<FieldError> errors) {
    return errors.stream().anyMatch(error -> FieldError.ABOVE_CAP.equals(error.reason()));
  }
}
