package vn.party.evaluation.unit;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.party.evaluation.portal.PortalPage;
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

  public UnitPageController(
      UnitService service, Rosters rosters, SeatAccounts accounts, UnitHistoryLines historyLines) {
    this.service = service;
    this.rosters = rosters;
    this.accounts = accounts;
    this.historyLines = historyLines;
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

  @PostMapping("/app/units/{id}")
  public String change(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return act(
        id,
        "change",
        form,
        user,
        model,
        response,
        flash,
        () ->
            service.change(
                id,
                new UnitChangeRequest(
                    form.get("name"),
                    form.get("code"),
                    PageDates.isoDate(form.get("openedOn")),
                    form.get("reason")),
                user));
  }

  @PostMapping("/app/units/{id}/seats")
  public String seat(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return act(
        id,
        "seat",
        form,
        user,
        model,
        response,
        flash,
        () ->
            service.seat(
                id,
                new SeatRequest(
                    form.get("personId"), form.get("body"), form.get("role"), form.get("reason")),
                user));
  }

  @PostMapping("/app/units/{id}/seats/remove")
  public String unseat(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return act(
        id,
        "unseat",
        form,
        user,
        model,
        response,
        flash,
        () -> {
          service.unseat(id, form.get("personId"), form.get("body"), form.get("reason"), user);
          return null;
        });
  }

  @PostMapping("/app/units/{id}/dissolution")
  public String dissolve(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return act(
        id,
        "dissolve",
        form,
        user,
        model,
        response,
        flash,
        () ->
            service.dissolve(
                id,
                new DissolutionRequest(PageDates.isoDate(form.get("on")), form.get("reason")),
                user));
  }

  @PostMapping("/app/units/{id}/merger")
  public String merge(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    return act(
        id,
        "merge",
        form,
        user,
        model,
        response,
        flash,
        () ->
            service.merge(
                id,
                new MergerRequest(
                    form.get("into"), PageDates.isoDate(form.get("on")), form.get("reason")),
                user));
  }

  private String act(
      String id,
      String formName,
      Map<String, String> form,
      CurrentUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      Supplier<Object> action) {
    try {
      action.get();
    } catch (ApiException refused) {
      fillUnit(id, user, model, formName, form, shownOnForm(refused, response));
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
    model.addAttribute("seats", service.committee(id));
    model.addAttribute("children", service.children(id));
    model.addAttribute(
        "history", historyLines.of(service.history(id), LocaleContextHolder.getLocale()));
    model.addAttribute("mayEdit", unit.open() && UnitAccess.mayEdit(unit, user));
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
