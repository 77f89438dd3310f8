package vn.party.evaluation.process;

import java.util.Objects;

/** Camunda group ids. This is the only place that builds them (see {@code docs/contracts.md}). */
public final class Groups {

  /** Every party member. */
  public static final String MEMBERS = "members";
  /** The inspection committee (ủy ban kiểm tra): reads everything, decides nothing. */
  public static final String AUDITORS = "auditors";
  /** Camunda's own administrators group. */
  public static final String ADMINS = "camunda-admin";

  /** The branch committee (chi ủy) of a branch, e.g. {@code branch-committee-thanh-khe-tay-cb1}. */
  public static String branchCommittee(String branchId) {
    return "branch-committee-" + Objects.requireNonNull(branchId, "branchId");
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

  /** The organization this group supervises from above, if it is a superior committee's group. */
  public static java.util.Optional<String> organizationOfSuperiorCommittee(String groupId) {
    String prefix = superiorCommittee("");
    return groupId != null && groupId.startsWith(prefix) && groupId.length() > prefix.length()
        ? java.util.Optional.of(groupId.substring(prefix.length())) : java.util.Optional.empty();
  }

  /** The organization whose grassroots committee this group is, if it is one. */
  public static java.util.Optional<String> organizationOfCommittee(String groupId) {
    String prefix = organizationCommittee("");
    return groupId != null && groupId.startsWith(prefix) && groupId.length() > prefix.length()
        ? java.util.Optional.of(groupId.substring(prefix.length())) : java.util.Optional.empty();
  }

  /** The branch whose committee this group is, if it is one. */
  public static java.util.Optional<String> branchOfCommittee(String groupId) {
    String prefix = branchCommittee("");
    return groupId != null && groupId.startsWith(prefix) && groupId.length() > prefix.length()
        ? java.util.Optional.of(groupId.substring(prefix.length())) : java.util.Optional.empty();
  }

  private Groups() {}
}
