package vn.party.evaluation.campaign.flow;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.campaign.MemberBatches;
import vn.party.evaluation.campaign.MemberBatches.Pass;
import vn.party.evaluation.campaign.MemberBatches.SingleLoopPass;

/**
 * Step start-member-batch (async before, not exclusive): the next batch of the launch ({@link MemberBatches}). In a
 * lane of launch-lanes it sets {@code memberBatchFull} local to the lane: the lanes run at the same time and must not
 * write one shared variable (the second to commit would fail on the engine's optimistic lock). A campaign whose
 * process was started before the lanes (one loop of this step, no {@code launchLane}) gets what that loop reads:
 * {@code remainingMembers} and {@code allMembersDecided}.
 */
@Component("memberBatchStarter")
public class MemberBatchStarter implements JavaDelegate {

  private final MemberBatches batches;

  public MemberBatchStarter(MemberBatches batches) {
    this.batches = batches;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID campaignId = UUID.fromString((String) execution.getVariable(CAMPAIGN_ID));
    Pass pass = batches.startNext(campaignId);
    if (execution.hasVariable(LAUNCH_LANE)) {
      execution.setVariableLocal(MEMBER_BATCH_FULL, pass.full());
      return;
    }
    SingleLoopPass loop = batches.afterSingleLoopPass(campaignId);
    execution.setVariable(REMAINING_MEMBERS, loop.remainingMembers());
    // read only by campaigns started before the decision stages (they wait for all members after
    // the last batch)
    execution.setVariable(ALL_MEMBERS_DECIDED, loop.allMembersDecided());
  }
}
