package vn.party.evaluation.meeting;

/** A member whose branch review is open: the meeting's agenda. {@code levelCapReason} is why a cap applies. */
public record AgendaItem(
    String taskId,
    String memberId,
    String memberName,
    String selfProposedLevel,
    String levelCap,
    String levelCapReason) {}
