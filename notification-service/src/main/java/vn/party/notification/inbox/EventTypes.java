package vn.party.notification.inbox;

/** CloudEvents types of topic {@code evaluation.events} (docs/contracts.md) that this service acts on. */
public final class EventTypes {

  public static final String TASK_ASSIGNED = "vn.party.evaluation.task.assigned";
  public static final String MEMBER_DECIDED = "vn.party.evaluation.member.decided";

  private EventTypes() {}
}
