package vn.party.evaluation.unit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Request and response bodies of /api/v1/units. Dates are yyyy-MM-dd; every field is checked by the service. */
public final class UnitApi {

  public record NewUnitRequest(
      @Schema(description = "SUPERIOR_COMMITTEE | ORGANIZATION | SUB_COMMITTEE | BRANCH")
          String kind,
      @Schema(
              description =
                  "the unit above: none or a SUPERIOR_COMMITTEE for the first two, an ORGANIZATION for a "
                      + "sub-committee, an ORGANIZATION or a SUB_COMMITTEE for a branch")
          String parentId,
      String name,
      @Schema(
              description =
                  "letters, digits, '.', '_', '-' (≤ 50); lower-cased it becomes the unit's id")
          String code,
      @Schema(
              description =
                  "ngày thành lập, yyyy-MM-dd, not in the future; the six-month rule reads it")
          String openedOn,
      String reason) {}

  public record UnitChangeRequest(String name, String code, String openedOn, String reason) {}

  public record DissolutionRequest(
      @Schema(description = "yyyy-MM-dd, default today") String on, String reason) {}

  public record MergerRequest(
      @Schema(description = "the open unit of the same kind that takes the members and " + "units")
          String into,
      @Schema(description = "yyyy-MM-dd, default today") String on,
      String reason) {}

  public record SeatRequest(
      @Schema(
              description =
                  "the account: on a unit of a grassroots organization, an active, "
                      + "official, not suspended party member on its roster (e.g. a member id); on the committee above, any account")
          String personId,
      @Schema(description = "COMMITTEE (cấp ủy, default) | INSPECTION (ủy ban kiểm tra)")
          String body,
      @Schema(description = "SECRETARY | DEPUTY | MEMBER (default)") String role,
      String reason) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record UnitView(
      String id,
      String kind,
      String parentId,
      String organizationId,
      String name,
      String code,
      LocalDate openedOn,
      LocalDate dissolvedOn,
      String mergedInto) {}

  public record SeatView(
      String unitId,
      String personId,
      String personName,
      String body,
      String role,
      OffsetDateTime since) {}

  public record HistoryView(
      long id,
      OffsetDateTime occurredAt,
      String actor,
      String action,
      String reason,
      Map<String, Object> details) {}

  /** A unit with its committees, the units directly under it and its history. */
  public record UnitDetailView(
      UnitView unit,
      List<SeatView> committee,
      List<UnitView> children,
      List<HistoryView> history) {}

  private UnitApi() {}
}
