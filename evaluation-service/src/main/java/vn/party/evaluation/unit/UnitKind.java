package vn.party.evaluation.unit;

import java.util.Set;

/**
 * The levels of the organization tree. A grassroots organization (tổ chức cơ sở đảng: đảng bộ cơ sở or chi bộ cơ sở)
 * is the unit that runs a campaign; branches (chi bộ) sit under it directly or under a sub-committee (đảng bộ bộ
 * phận); the committee above (cấp ủy cấp trên: quận ủy, huyện ủy, đảng ủy khối …) supervises organizations.
 */
public enum UnitKind {
  SUPERIOR_COMMITTEE,
  ORGANIZATION,
  SUB_COMMITTEE,
  BRANCH;

  /** The kinds a unit of this kind may sit under; empty set plus {@link #mayBeRoot()}: at the top. */
  public Set<UnitKind> parents() {
    return switch (this) {
      case SUPERIOR_COMMITTEE -> Set.of(SUPERIOR_COMMITTEE);
      case ORGANIZATION -> Set.of(SUPERIOR_COMMITTEE);
      case SUB_COMMITTEE -> Set.of(ORGANIZATION);
      case BRANCH -> Set.of(ORGANIZATION, SUB_COMMITTEE);
    };
  }

  public boolean mayBeRoot() {
    return this == SUPERIOR_COMMITTEE || this == ORGANIZATION;
  }

  /** Whether the unit belongs to a grassroots organization (and so is kept by its committee). */
  public boolean insideOrganization() {
    return this == SUB_COMMITTEE || this == BRANCH;
  }
}
