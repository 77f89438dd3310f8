package vn.party.evaluation.process;

import java.util.Objects;
import java.util.Optional;

/** Camunda group ids. This is the only place that builds them (see {@code docs/contracts.md}). */
public final class Groups {

  /** Every party member. */
  public static final String MEMBERS = "members";

  /**
   * The national and district inspection accounts: read every organization, decide nothing. An organization's own
   * inspection committee is {@link #inspection(String)}, scoped to it.
   */
  public static final String AUDITORS = "auditors";

  /** Camunda's own administrators group. */
  public static final String ADMINS = "camunda-admin";

  /** The branch committee (chi ủy) of a branch, e.g. {@code branch-committee-thanh-khe-tay-cb1}. */
  public static String branchCommittee(String branchId) {
    return "branch-committee-" + Objects.requireNonNull(branchId, "branchId");
  }

  /**
   * The committee of a sub-committee (đảng ủy bộ phận) over a branch, e.g. {@code
   * sub-committee-over-thanh-khe-tay-cb3}: its members read that branch's evaluations and report and decide nothing
   * (no step of the regulations' processes is theirs). One group per branch below the sub-committee, at any depth, as
   * the committee above has one per organization under it.
   */
  public static String subCommitteeOver(String branchId) {
    return "sub-committee-over-" + Objects.requireNonNull(branchId, "branchId");
  }

  /** The grassroots party committee (đảng ủy cơ sở), e.g. {@code org-committee-thanh-khe-tay}. */
  public static String organizationCommittee(String organizationId) {
    return "org-committee-" + Objects.requireNonNull(organizationId, "organizationId");
  }

  /**
   * The standing committee of the party committee above a grassroots organization (ban thường vụ quận ủy /
   * huyện ủy …), e.g. {@code superior-committee-thanh-khe-tay}: it rates the organization as a collective and
   * re-appraises its members' results after a complaint. One group per supervised organization, so a district
   * committee that supervises many organizations is a member of each of their groups.
   */
  public static String superiorCommittee(String organizationId) {
    return "superior-committee-" + Objects.requireNonNull(organizationId, "organizationId");
  }

  /**
   * The inspection committee (ủy ban kiểm tra) of a grassroots organization, e.g. {@code
   * inspection-thanh-khe-tay}: its members read that organization's evaluations, history, reports and audit pages, and
   * nothing of another organization (the global {@link #AUDITORS} group stays for the national and district inspection
   * accounts). An inspection committee of the committee above joins the group of each organization directly under it.
   */
  public static String inspection(String organizationId) {
    return "inspection-" + Objects.requireNonNull(organizationId, "organizationId");
  }

  /** The organization whose inspection committee this group is, if it is one. */
  public static Optional<String> organizationOfInspection(String groupId) {
    String prefix = inspection("");
    return groupId != null && groupId.startsWith(prefix) && groupId.length() > prefix.length()
        ? Optional.of(groupId.substring(prefix.length()))
        : Optional.empty();
  }

  /** The organization this group supervises from above, if it is a superior committee's group. */
  public static Optional<String> organizationOfSuperiorCommittee(String groupId) {
    String prefix = superiorCommittee("");
    return groupId != null && groupId.startsWith(prefix) && groupId.length() > prefix.length()
        ? Optional.of(groupId.substring(prefix.length()))
        : Optional.empty();
  }

  /** The organization whose grassroots committee this group is, if it is one. */
  public static Optional<String> organizationOfCommittee(String groupId) {
    String prefix = organizationCommittee("");
    return groupId != null && groupId.startsWith(prefix) && groupId.length() > prefix.length()
        ? Optional.of(groupId.substring(prefix.length()))
        : Optional.empty();
  }

  /** The branch whose committee this group is, if it is one. */
  public static Optional<String> branchOfCommittee(String groupId) {
    String prefix = branchCommittee("");
    return groupId != null && groupId.startsWith(prefix) && groupId.length() > prefix.length()
        ? Optional.of(groupId.substring(prefix.length()))
        : Optional.empty();
  }

  /**
   * Whether the group is one that committee seats manage (a branch committee, a grassroots committee, the committee
   * above, an inspection committee, a sub-committee's): its members are set only on the unit's page (the seats), never
   * directly in the engine's identity service.
   */
  public static boolean seatManaged(String groupId) {
    if (groupId == null) {
      return false;
    }
    for (String prefix :
        new String[] {
          branchCommittee(""),
          organizationCommittee(""),
          superiorCommittee(""),
          inspection(""),
          subCommitteeOver("")
        }) {
      if (groupId.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the group gives a part in a decision: a branch, grassroots or superior committee's group. */
  public static boolean decides(String groupId) {
    return branchOfCommittee(groupId).isPresent()
        || organizationOfCommittee(groupId).isPresent()
        || organizationOfSuperiorCommittee(groupId).isPresent();
  }

  private Groups() {}
}
