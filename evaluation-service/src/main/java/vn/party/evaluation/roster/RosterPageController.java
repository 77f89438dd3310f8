package vn.party.evaluation.roster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;
import vn.party.evaluation.web.PageDates;

/**
 * The member's roster facts as a page: the facts, the recorded changes, and for administrators and the grassroots
 * committee of the member's organization a form to change them with the reason — through the same
 * {@link RosterService} as the API. Whoever may read the API reads the page, without the form; a branch's members are
 * listed at {@code /app/members?branch=}.
 */
@Controller
@PortalPage
public class RosterPageController {

  private final RosterService service;
  private final Rosters rosters;
  private final RosterNotices notices;
  private final ObjectMapper objectMapper;

  public RosterPageController(
      RosterService service, Rosters rosters, RosterNotices notices, ObjectMapper objectMapper) {
    this.service = service;
    this.rosters = rosters;
    this.notices = notices;
    this.objectMapper = objectMapper;
  }

  /** Without a branch: the branches the user may list; with one: its members. */
  @GetMapping("/app/members")
  public String list(
      @RequestParam(required = false) String branch,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    if (branch == null || branch.isBlank()) {
      model.addAttribute(
          "branches",
          rosters.branches().stream().filter(b -> RosterAccess.mayListBranch(b, user)).toList());
      return "roster/list";
    }
    Rosters.Branch found =
        rosters
            .branch(branch)
            .orElseThrow(() -> ApiException.notFound("error.branch.not-found", branch));
    if (!RosterAccess.mayListBranch(found, user)) {
      throw ApiException.forbidden();
    }
    model.addAttribute("branch", found);
    model.addAttribute("members", rosters.ofBranch(branch));
    return "roster/list";
  }

  @GetMapping("/app/members/{memberId}")
  public String show(
      @PathVariable String memberId, @AuthenticationPrincipal CurrentUser user, Model model) {
    MemberRoster roster = service.roster(memberId, user);
    fill(roster, user, model, values(roster), Map.of());
    return "roster/show";
  }

  /**
   * The form sends every fact (an unticked box is false, an empty date, committee or unit headed is none); only those
   * that differ from the record are changed and recorded. A post without {@code headOf} at all leaves the headship
   * as it is: the select always sends it, so only a form that does not show it omits it, and that one must not take
   * the headship away.
   */
  @PostMapping("/app/members/{memberId}")
  public String change(
      @PathVariable String memberId,
      @RequestParam(required = false) String membership,
      @RequestParam(required = false) String admittedOn,
      @RequestParam(required = false) String exempted,
      @RequestParam(required = false) String suspended,
      @RequestParam(required = false) String leadership,
      @RequestParam(required = false) String civilServant,
      @RequestParam(required = false) String leadershipPost,
      @RequestParam(required = false) String headOf,
      @RequestParam(required = false) String reason,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      RedirectAttributes flash,
      HttpServletResponse response) {
    ObjectNode body = objectMapper.createObjectNode();
    body.put(RosterFields.MEMBERSHIP, blankToNull(membership));
    body.put(RosterFields.ADMITTED_ON, PageDates.isoDate(admittedOn));
    body.put(RosterFields.EXEMPTED, ticked(exempted));
    body.put(RosterFields.SUSPENDED, ticked(suspended));
    body.put(RosterFields.LEADERSHIP, blankToNull(leadership));
    body.put(RosterFields.CIVIL_SERVANT, ticked(civilServant));
    body.put(RosterFields.LEADERSHIP_POST, ticked(leadershipPost));
    if (headOf != null) {
      body.put(RosterFields.HEAD_OF, blankToNull(headOf));
    }
    body.put(RosterFields.REASON, reason == null ? null : reason.replace("\r\n", "\n"));
    RosterUpdate update;
    try {
      update = service.change(memberId, body, user);
    } catch (ApiException refused) {
      if (refused.problems().isEmpty()) {
        throw refused;
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      MemberRoster roster = service.roster(memberId, user);
      Map<String, String> submitted =
          values(roster); // what the post did not name stays as on record
      body.fields()
          .forEachRemaining(
              f -> submitted.put(f.getKey(), f.getValue().isNull() ? "" : f.getValue().asText()));
      fill(roster, user, model, submitted, FieldProblem.messagesByField(refused.problems()));
      return "roster/show";
    }
    flash.addFlashAttribute(
        "notice", update.change() == null ? "notice.roster-unchanged" : "notice.roster-changed");
    if (update.change() != null) {
      flash.addFlashAttribute("runningNotice", notices.running(update.runningCampaignYears()));
      flash.addFlashAttribute("transferNotice", notices.transferred(update));
    }
    return "redirect:/app/members/" + memberId;
  }

  private void fill(
      MemberRoster roster,
      CurrentUser user,
      Model model,
      Map<String, String> values,
      Map<String, String> errors) {
    model.addAttribute("roster", roster);
    model.addAttribute("branch", rosters.branch(roster.branchId()).orElse(null));
    model.addAttribute("changes", rosters.changes(roster.id()));
    model.addAttribute("runningYears", rosters.runningCampaignYears(roster.id()));
    model.addAttribute("mayChange", RosterAccess.mayChange(roster, user));
    model.addAttribute(
        "mayList",
        rosters
            .branch(roster.branchId())
            .map(b -> RosterAccess.mayListBranch(b, user))
            .orElse(false));
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("memberships", RosterFields.MEMBERSHIPS);
    model.addAttribute("leaderships", RosterFields.LEADERSHIPS);
    model.addAttribute("heads", RosterFields.HEADS);
    model.addAttribute(
        "flags",
        List.of(
            RosterFields.EXEMPTED,
            RosterFields.SUSPENDED,
            RosterFields.CIVIL_SERVANT,
            RosterFields.LEADERSHIP_POST));
  }

  /** The form's values as the record holds them. */
  private static Map<String, String> values(MemberRoster roster) {
    Map<String, String> values = new HashMap<>();
    for (String field : RosterFields.CHANGEABLE) {
      Object value = RosterFields.valueOf(roster, field);
      values.put(field, value == null ? "" : value.toString());
    }
    values.put(RosterFields.REASON, "");
    return values;
  }

  private static boolean ticked(String checkbox) {
    return checkbox != null && !checkbox.isBlank() && !"false".equals(checkbox);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
