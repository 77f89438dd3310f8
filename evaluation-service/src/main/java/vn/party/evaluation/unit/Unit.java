package vn.party.evaluation.unit;

import java.time.LocalDate;

/**
 * One unit of the tree ({@code evaluation.unit}).
 *
 * @param organizationId the grassroots organization the unit is or belongs to; null for the committee above
 * @param openedOn the opening date (ngày thành lập): the six-month rule of the collective rating reads it
 * @param dissolvedOn set when dissolved or merged; the unit stays, with its history
 * @param mergedInto the unit it was merged into
 */
public record Unit(
    String id,
    UnitKind kind,
    String parentId,
    String organizationId,
    String name,
    String code,
    LocalDate openedOn,
    LocalDate dissolvedOn,
    String mergedInto) {

  public boolean open() {
    return dissolvedOn == null;
  }
}
