package vn.party.evaluation.roster;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** One recorded change of a member's roster facts: who, when, why, and each changed field before and after. */
public record RosterChange(
    long id,
    String memberId,
    OffsetDateTime changedAt,
    String changedBy,
    String reason,
    List<FieldChange> changes) {

  /**
   * One field's values before and after, as the API shows them (a date as {@code yyyy-MM-dd}, null when there was or
   * is none).
   */
  @JsonInclude(
      JsonInclude.Include.ALWAYS) // "from": null says there was none; leaving it out would not
  public record FieldChange(String field, Object from, Object to) {}
}
