package vn.party.evaluation.roster;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.roster.RosterChange.FieldChange;
import vn.party.evaluation.roster.RosterUpdate.PreviousHead;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

/**
 * Changes a member's roster facts: checked ({@link RosterEditRules}), then written with the record of the change (who,
 * when, why, each changed field before and after) in one transaction, so there is never a change without its record.
 *
 * <p>What a change reaches: campaigns launched afterwards. A campaign that has already prepared its roster keeps the
 * eligibility and the form it decided then (exempted, suspended, membership, admittedOn), and a started evaluation
 * keeps {@code leadershipPost} (Mẫu 02B), an engine variable set when it started. Two facts are read later, when a
 * running evaluation gets to them: {@code civilServant} at the unit-assessment check (after the residence comment),
 * {@code leadership} whenever a collective's caps are computed (the collective ratings, after every member is decided).
 * {@code headOf} is fixed at launch too: the campaign copies it into {@code campaign_member.head_of} when it prepares
 * its roster (it decides the heads after their unit), so a new head is one for the campaigns launched afterwards.
 *
 * <p>A unit has one head. Making a member the head of a unit that has another one transfers the headship: the previous
 * head's {@code headOf} becomes null in the same transaction, with a change record of its own (same reason, same
 * author). The organization's row is locked before any member's, so two transfers at once cannot leave two heads.
 */
@Service
public class RosterService {

  private final Rosters rosters;
  private final RosterAccess access;
  private final RosterProblems problems;
  private final ZoneId zone;

  public RosterService(
      Rosters rosters,
      RosterAccess access,
      RosterProblems problems,
      @Value("${evaluation.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.rosters = rosters;
    this.access = access;
    this.problems = problems;
    this.zone = ZoneId.of(zone);
  }

  public MemberRoster roster(String memberId, CurrentUser user) {
    return access.readable(memberId, user);
  }

  public List<RosterChange> changes(String memberId, CurrentUser user) {
    access.readable(memberId, user);
    return rosters.changes(memberId);
  }

  public List<Integer> runningCampaignYears(String memberId) {
    return rosters.runningCampaignYears(memberId);
  }

  /**
   * 404 no such member; 403 neither an administrator nor the grassroots committee of the member's organization (an
   * auditor never); 400 with the fields at fault. Values equal to the member's current ones change nothing and are
   * not recorded (a repeated request is harmless).
   */
  @Transactional
  public RosterUpdate change(String memberId, JsonNode body, CurrentUser user) {
    MemberRoster seen =
        rosters.find(memberId).orElseThrow(() -> RosterAccess.unknown(memberId, user));
    RosterAccess.changeable(seen, user);
    if (body != null && body.has(RosterFields.HEAD_OF)) {
      // the organization before the members, always in that order (Rosters.lockOrganization); the
      // member's branch,
      // and so the organization, is not a roster fact: it cannot have changed since it was read
      rosters.lockOrganization(seen.organizationId());
    }
    MemberRoster current = rosters.lock(memberId).orElseThrow();
    RosterEditRules.Checked checked = RosterEditRules.check(body, current, LocalDate.now(zone));
    if (!checked.problems().isEmpty()) {
      throw ApiException.invalid(problems.of(checked.problems()));
    }
    RosterEdit edit = checked.edit();
    MemberRoster after = edit.applyTo(current);
    List<FieldChange> changes = new ArrayList<>();
    for (String field : RosterFields.CHANGEABLE) {
      Object from = RosterFields.valueOf(current, field);
      Object to = RosterFields.valueOf(after, field);
      if (edit.values().containsKey(field) && !Objects.equals(from, to)) {
        changes.add(new FieldChange(field, from, to));
      }
    }
    RosterChange change = null;
    PreviousHead previousHead = null;
    if (!changes.isEmpty()) {
      if (after.headOf() != null && !Objects.equals(current.headOf(), after.headOf())) {
        previousHead = transferHeadship(after, edit.reason(), user);
      }
      rosters.update(after);
      change = rosters.record(memberId, user.userId(), edit.reason(), changes);
    }
    return new RosterUpdate(after, change, previousHead, rosters.runningCampaignYears(memberId));
  }

  /**
   * Whoever else heads the unit the member is to head heads nothing any more, each with a change record; before the
   * member's own row is written (the unique index allows one head per branch at every statement). The first of them
   * (there is one in a sound record), or null.
   */
  private PreviousHead transferHeadship(MemberRoster newHead, String reason, CurrentUser user) {
    PreviousHead first = null;
    for (MemberRoster previous : rosters.lockHeads(newHead, newHead.headOf())) {
      rosters.clearHead(previous.id());
      RosterChange recorded =
          rosters.record(
              previous.id(),
              user.userId(),
              reason,
              List.of(new FieldChange(RosterFields.HEAD_OF, previous.headOf(), null)));
      if (first == null) {
        first = new PreviousHead(previous.id(), previous.fullName(), recorded);
      }
    }
    return first;
  }
}
