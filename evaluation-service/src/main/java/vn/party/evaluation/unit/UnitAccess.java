package vn.party.evaluation.unit;

import vn.party.evaluation.process.Groups;
import vn.party.evaluation.security.CurrentUser;

/**
 * Who may change which unit; everyone signed in reads the tree. Administrators change everything; the grassroots
 * committee keeps its own organization: its name and opening date, its sub-committees and branches, and the committees
 * of all of them. The committee above and the organizations themselves (creating, merging, dissolving one) are the
 * administrators'. Auditors change nothing.
 */
final class UnitAccess {

  static boolean mayCreate(UnitKind kind, Unit parent, CurrentUser user) {
    if (user.isAdmin()) {
      return true;
    }
    if (user.isAuditor() || !kind.insideOrganization()) {
      return false;
    }
    if (parent == null || parent.organizationId() == null) {
      // no (known) unit above, or one above the organizations: the request is refused for that, as
      // long as the user keeps some organization
      return user.groups().stream().anyMatch(g -> Groups.organizationOfCommittee(g).isPresent());
    }
    return user.inOrganizationCommittee(parent.organizationId());
  }

  /** Rename, change the code or the opening date, and seat or unseat people on its committees. */
  static boolean mayEdit(Unit unit, CurrentUser user) {
    if (user.isAdmin()) {
      return true;
    }
    if (user.isAuditor() || unit.kind() == UnitKind.SUPERIOR_COMMITTEE) {
      return false;
    }
    return user.inOrganizationCommittee(unit.organizationId());
  }

  /** Dissolve or merge. */
  static boolean mayRestructure(Unit unit, CurrentUser user) {
    if (user.isAdmin()) {
      return true;
    }
    return unit.kind().insideOrganization() && mayEdit(unit, user);
  }

  private UnitAccess() {}
}
