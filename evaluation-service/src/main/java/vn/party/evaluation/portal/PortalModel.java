package vn.party.evaluation.portal;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.security.CurrentUser;

/** What every page's header needs: who is signed in and what they may open. */
@ControllerAdvice(annotations = PortalPage.class)
public class PortalModel {

  private final People people;

  public PortalModel(People people) {
    this.people = people;
  }

  /**
   * @param auditor a global auditor or a member of an organization's inspection committee (the audit pages, scoped to
   *     the organizations the user inspects)
   * @param committeeOf the organization whose grassroots committee the user sits on, null if none
   * @param inspects the organizations whose inspection committee the user sits on; empty for a global auditor (who
   *     reads every organization) and for whoever inspects none
   */
  public record Me(
      String userId,
      String displayName,
      boolean auditor,
      boolean admin,
      String committeeOf,
      boolean branchCommittee,
      List<String> inspects) {

    /** Whether the user reads every organization (global auditors, administrators). */
    public boolean everywhere() {
      return admin || auditor && inspects.isEmpty();
    }

    /** Whether the user may read the organization on the audit and report pages' pickers. */
    public boolean reads(String organizationId) {
      return everywhere()
          || organizationId.equals(committeeOf)
          || inspects.contains(organizationId);
    }

    public boolean mayReadReports() {
      return auditor || admin || committeeOf != null;
    }
  }

  @ModelAttribute("me")
  public Me me(@AuthenticationPrincipal CurrentUser user) {
    if (user == null) {
      return null;
    }
    String committeeOf =
        user.groups().stream()
            .map(Groups::organizationOfCommittee)
            .flatMap(Optional::stream)
            .findFirst()
            .orElse(null);
    boolean branchCommittee =
        user.groups().stream().anyMatch(g -> Groups.branchOfCommittee(g).isPresent());
    return new Me(
        user.userId(),
        people.displayName(user.userId()),
        user.isInspector(),
        user.isAdmin(),
        committeeOf,
        branchCommittee,
        user.isAuditor() ? List.of() : user.inspectedOrganizations());
  }
}
