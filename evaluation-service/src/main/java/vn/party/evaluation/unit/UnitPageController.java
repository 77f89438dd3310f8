package vn.party.evaluation.unit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.roster.RosterAccess;
import vn.party.evaluation.roster.Rosters;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.unit.UnitApi.DissolutionRequest;
import vn.party.evaluation.unit.UnitApi.MergerRequest;
import vn.party.evaluation.unit.UnitApi.NewUnitRequest;
import vn.party.evaluation.unit.UnitApi.SeatRequest;
import vn.party.evaluation.unit.UnitApi.UnitChangeRequest;
import vn.party.evaluation.unit.flow.SeatAccounts;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;
import vn.party.evaluation.web.PageDates;

/**
 * The organization tree as pages, through the same {@link UnitService} as the API: {@code /app/units} (the tree, and
 * for administrators and grassroots committees the form to create a unit) and {@code /app/units/{id}} (the unit, its
 * committees with the forms to seat and unseat people, rename, dissolve, merge, and its history). Everybody signed in
 * reads; refusals are shown next to the form, with the values as sent.
 */
@Controller
@PortalPage
public class UnitPageController {

  private final UnitService service;
  private final Rosters rosters;
  private final SeatAccounts accounts;
  private final UnitHistoryLines historyLines;
  private final Map<String, UnitForm> forms;

  public UnitPageController(
      UnitService service, Rosters rosters, SeatAccounts accounts, UnitHistoryLines historyLines) {
    this.service = service;
    this.rosters = rosters;
    this.accounts = accounts;
    this.historyLines = historyLines;
    this.forms = forms();
  }

  /** Whom the seat form offers: the value sent, and the name shown (with the branch, for a member). */
  public record Candidate(String id, String name, String detail) {}

  /** A unit with its depth in the tree, for the indented list. */
  public record Row(Unit unit, int depth) {}

  @GetMapping("/app/units")
  public String tree(@AuthenticationPrincipal CurrentUser user, Model model) {
    fillTree(user, model, Map.of(), Map.of());
    return "units/list";
  }

  @PostMapping("/app/units")
  public String create(
      @RequestParam Map<String, String> form,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    try {
      Unit unit =
          service.create(
              new NewUnitRequest(
                  form.get("kind"),
                  form.get("parentId"),
                  form.get("name"),
                  form.get("code"),
                  PageDates.isoDate(form.get("openedOn")),
                  form.get("reason")),
              user);
      flash.addFlashAttribute("notice", "notice.unit-saved");
      return "redirect:/app/units/" + unit.id();
    } catch (ApiException refused) {
      fillTree(user, model, form, shownOnForm(refused, response));
      return "units/list";
    }
  }

  @GetMapping("/app/units/{id}")
  public String show(
      @PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
    fillUnit(id, user, model, null, Map.of(), Map.of());
    return "units/show";
  }

  /** The forms on a unit's page, each at its own path (the API's request, built from the form's fields). */
  private static final String CHANGE = "/app/units/{id}";

  private static final String SEAT = "/app/units/{id}/seats";
  private static final String UNSEAT = "/app/units/{id}/seats/remove";
  private static final String DISSOLVE = "/app/units/{id}/dissolution";
  private static final String MERGE = "/app/units/{id}/merger";

  /** One form of a unit's page: its name (which form shows a refusal) and what it asks the service to do. */
  private record UnitForm(String name, UnitAction action) {}

  @FunctionalInterface
  private interface UnitAction {
    void run(String id, Map<String, String> form, CurrentUser user);
  }

  private Map<String, UnitForm> forms() {
    return Map.of(
        CHANGE,
        new UnitForm(
            "change",
            (id, form, user) ->
                service.change(
                    id,
                    new UnitChangeRequest(
                        form.get("name"),
                        form.get("code"),
                        PageDates.isoDate(form.get("openedOn")),
                        form.get("reason")),
                    user)),
        SEAT,
        new UnitForm(
            "seat",
            (id, form, user) ->
                service.seat(
                    id,
                    new SeatRequest(
                        form.get("personId"),
                        form.get("body"),
                        form.get("role"),
                        form.get("reason")),
                    user)),
        UNSEAT,
        new UnitForm(
            "unseat",
            (id, form, user) ->
                service.unseat(
                    id, form.get("personId"), form.get("body"), form.get("reason"), user)),
        DISSOLVE,
        new UnitForm(
            "dissolve",
            (id, form, user) ->
                service.dissolve(
                    id,
                    new DissolutionRequest(PageDates.isoDate(form.get("on")), form.get("reason")),
                    user)),
        MERGE,
        new UnitForm(
            "merge",
            (id, form, user) ->
                service.merge(
                    id,
                    new MergerRequest(
                        form.get("into"), PageDates.isoDate(form.get("on")), form.get("reason")),
                    user)));
  }

  /**
   * Every form of a unit's page, told apart by the path it was posted to: done, back to the unit with a notice; refused
   * with fields, the page again with the form's values and the refusals next to them (400).
   */
  @PostMapping({CHANGE, SEAT, UNSEAT, DISSOLVE, MERGE})
  public String act(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes flash) {
    UnitForm posted =
        forms.get(
            String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)));
    try {
      posted.action().run(id, form, user);
    } catch (ApiException refused) {
      fillUnit(id, user, model, posted.name(), form, shownOnForm(refused, response));
      return "units/show";
    }
    flash.addFlashAttribute("notice", "notice.unit-saved");
    return "redirect:/app/units/" + id;
  }

  private void fillTree(
      CurrentUser user, Model model, Map<String, String> values, Map<String, String> errors) {
    List<Unit> all = service.tree();
    Map<String, Integer> depth = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (Unit unit : all) {
      int d = unit.parentId() == null ? 0 : depth.getOrDefault(unit.parentId(), 0) + 1;
      depth.put(unit.id(), d);
      rows.add(new Row(unit, d));
    }
    List<Unit> parents =
        all.stream()
            .filter(Unit::open)
            .filter(u -> u.kind() != UnitKind.BRANCH)
            .filter(
                u -> user.isAdmin() || (u.organizationId() != null && UnitAccess.mayEdit(u, user)))
            .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("parents", parents);
    model.addAttribute("mayCreate", user.isAdmin() || !parents.isEmpty());
    model.addAttribute(
        "kinds",
        user.isAdmin()
            ? List.of(UnitKind.values())
            : List.of(UnitKind.SUB_COMMITTEE, UnitKind.BRANCH));
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
  }

  private void fillUnit(
      String id,
      CurrentUser user,
      Model model,
      String formName,
      Map<String, String> values,
      Map<String, String> errors) {
    Unit unit = service.get(id);
    model.addAttribute("unit", unit);
    model.addAttribute("parent", unit.parentId() == null ? null : service.get(unit.parentId()));
    // a merged unit's header names the unit it went into (not "dissolved")
    model.addAttribute(
        "mergedInto", unit.mergedInto() == null ? null : service.get(unit.mergedInto()));
    model.addAttribute("seats", service.committee(id));
    model.addAttribute("children", service.children(id));
    model.addAttribute(
        "history", historyLines.of(service.history(id), LocaleContextHolder.getLocale()));
    model.addAttribute("mayEdit", unit.open() && UnitAccess.mayEdit(unit, user));
    // the link to the branch's members only for whom that page answers (its own rights check)
    model.addAttribute(
        "mayListMembers",
        unit.kind() == UnitKind.BRANCH
            && rosters.branch(id).filter(b -> RosterAccess.mayListBranch(b, user)).isPresent());
    model.addAttribute("mayRestructure", unit.open() && UnitAccess.mayRestructure(unit, user));
    model.addAttribute(
        "mergeTargets",
        service.tree().stream()
            .filter(Unit::open)
            .filter(u -> u.kind() == unit.kind() && !u.id().equals(unit.id()))
            .filter(u -> Objects.equals(u.organizationId(), unit.organizationId()))
            .toList());
    model.addAttribute(
        "bodies",
        unit.kind() == UnitKind.ORGANIZATION || unit.kind() == UnitKind.SUPERIOR_COMMITTEE
            ? List.of("COMMITTEE", "INSPECTION")
            : List.of("COMMITTEE"));
    model.addAttribute("roles", List.of("SECRETARY", "DEPUTY", "MEMBER"));
    if (unit.open() && UnitAccess.mayEdit(unit, user)) {
      model.addAttribute("candidates", candidates(unit));
    }
    model.addAttribute("form", formName);
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
  }

  /**
   * The seat form's picker: on a unit of a grassroots organization, the organization's members who may sit; on the
   * committee above, whose people are on no roster kept here, the accounts that are no member's sign-in.
   */
  private List<Candidate> candidates(Unit unit) {
    if (unit.organizationId() != null) {
      return rosters.seatable(unit.organizationId()).stream()
          .filter(m -> service.sitsWithin(unit, m.branchId()))
          .map(m -> new Candidate(m.id(), m.fullName(), m.branchName()))
          .toList();
    }
    return accounts.offRoster().stream().map(a -> new Candidate(a.id(), a.name(), null)).toList();
  }

  /**
   * A refusal that names fields is shown on the form again (400, field → the message the check gave); one that names
   * none goes on to the error page. Both forms (a new unit, a change to one) refuse alike.
   */
  private static Map<String, String> shownOnForm(
      ApiException refused, HttpServletResponse response) {
    if (refused.problems().isEmpty()) {
      throw refused;
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return FieldProblem.messagesByField(refused.problems());
  }
}
