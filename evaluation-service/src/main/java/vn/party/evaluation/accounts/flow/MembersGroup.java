package vn.party.evaluation.accounts.flow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.Groups;

/**
 * The members' engine group ({@link Groups#MEMBERS}), made with the first account on a database started without the
 * demo (which makes it otherwise). The caller runs as the system.
 */
@Component
public class MembersGroup {

  private final IdentityService identity;

  public MembersGroup(IdentityService identity) {
    this.identity = identity;
  }

  public void ensure() {
    if (identity.createGroupQuery().groupId(Groups.MEMBERS).count() == 0) {
      Group members = identity.newGroup(Groups.MEMBERS);
      members.setName("Đảng viên");
      members.setType("WORKFLOW");
      identity.saveGroup(members);
    }
  }
}
