package vn.party.evaluation.process;

/**
 * The candidate groups of the processes' committee tasks, for the diagrams' expressions: the deploying application
 * provides an instance as the bean {@link DelegateNames#TASK_GROUPS}, and {@code
 * camunda:candidateGroups="${taskGroups.branchCommittee(branchId)}"} derives the group from the instance's unit
 * instead of keeping it as a variable of its own. The names are built by {@link Groups}, as everywhere else.
 */
public class TaskGroups {

  /** The branch committee (chi ủy) of the branch: {@link Groups#branchCommittee(String)}. */
  public String branchCommittee(String branchId) {
    return Groups.branchCommittee(branchId);
  }

  /** The grassroots committee (đảng ủy cơ sở) of the organization: {@link Groups#organizationCommittee(String)}. */
  public String organizationCommittee(String organizationId) {
    return Groups.organizationCommittee(organizationId);
  }
}
