package vn.party.evaluation.movement;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.party.evaluation.movement.MovementService.Request;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;
import vn.party.evaluation.web.PageDates;

/**
 * {@code /app/movements}: record a movement (transfer to a branch of this or another organization, transfer out,
 * recognition as official, leaving, death) through the same {@link MovementService} as the API, every choice from a
 * list — the member by name under their branch, the branch joined by name under its organization — and the recent
 * movements with what each did to a running campaign. Administrators and grassroots committees (for their own
 * organization's members); refusals next to the form, with the values as sent.
 */
@Controller
@PortalPage
public class MovementPageController {

  /** A member to choose: by name, grouped under the branch and organization. */
  public record MemberChoice(
      String id,
      String fullName,
      String branchName,
      String organizationId,
      String organizationName) {}

  /** A branch to join: by name, grouped under its organization. */
  public record BranchChoice(String id, String name, String organizationName) {}

  /** A movement as the list shows it: names, never ids. */
  public record Row(
      long id,
      LocalDate occurredOn,
      String memberName,
      String kind,
      String fromBranchName,
      String toBranchName,
      String reason,
      String recordedBy,
      OffsetDateTime recordedAt,
      String campaignEffect,
      String fromOrganizationId,
      String toOrganizationId) {}

  private final MovementService service;
  private final JdbcClient jdbc;
  private final MessageSource messages;
  private final ZoneId zone;

  public MovementPageController(
      MovementService service,
      JdbcClient jdbc,
      MessageSource messages,
      @Value("${evaluation.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.service = service;
    this.jdbc = jdbc;
    this.messages = messages;
    this.zone = ZoneId.of(zone);
  }

  @GetMapping("/app/movements")
  public String page(
      @RequestParam(required = false) String member,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    Map<String, String> values = new LinkedHashMap<>();
    if (member != null) {
      values.put("memberId", member);
    }
    fill(user, model, values, Map.of());
    return "movements/page";
  }

  @PostMapping("/app/movements")
  public String record(
      @RequestParam Map<String, String> form,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    String memberId = form.getOrDefault("memberId", "");
    if (!mayRecordAny(user)) {
      throw ApiException.forbidden();
    }
    try {
      if (memberId.isBlank()) {
        throw ApiException.invalid(List.of(new FieldProblem("memberId", "required", null)));
      }
      String kind = form.get("kind");
      service.record(
          memberId,
          new Request(
              kind,
              "TRANSFER".equals(kind) ? form.get("toBranch") : null,
              PageDates.isoDate(form.get("on")),
              form.get("reason")),
          user);
    } catch (ApiException refused) {
      if (refused.problems().isEmpty()) {
        throw refused;
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      fill(user, model, form, messages(refused.problems()));
      return "movements/page";
    }
    flash.addFlashAttribute("notice", "notice.movement-saved");
    return "redirect:/app/movements";
  }

  private void fill(
      CurrentUser user, Model model, Map<String, String> values, Map<String, String> errors) {
    List<MemberChoice> members =
        jdbc
            .sql(
                """
            select m.id, m.full_name, b.name as branch_name, b.organization_id, o.name as organization_name
            from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id
            join evaluation.organization o on o.id = b.organization_id
            where m.status = 'ACTIVE' order by o.name, b.name, m.full_name, m.id""")
            .query(MemberChoice.class)
            .list()
            .stream()
            .filter(m -> mayChange(m.organizationId(), user))
            .filter(m -> !m.id().equals(user.userId())) // recusal: never one's own movement
            .toList();
    if (!mayRecordAny(user)) {
      throw ApiException.forbidden();
    }
    model.addAttribute(
        "memberGroups",
        members.stream()
            .collect(
                Collectors.groupingBy(
                    m -> m.branchName() + " — " + m.organizationName(),
                    LinkedHashMap::new,
                    Collectors.toList())));
    model.addAttribute(
        "branchGroups",
        jdbc
            .sql(
                """
            select b.id, b.name, o.name as organization_name from evaluation.branch b
            join evaluation.organization o on o.id = b.organization_id
            where b.dissolved_on is null order by o.name, b.name""")
            .query(BranchChoice.class)
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    BranchChoice::organizationName, LinkedHashMap::new, Collectors.toList())));
    model.addAttribute(
        "kinds", List.of("TRANSFER", "TRANSFER_OUT", "RECOGNITION", "LEAVING", "DEATH"));
    model.addAttribute(
        "movements",
        jdbc
            .sql(
                """
            select mv.id, mv.occurred_on, m.full_name as member_name, mv.kind, fb.name as from_branch_name,
                   tb.name as to_branch_name, mv.reason, mv.recorded_by, mv.recorded_at, mv.campaign_effect,
                   fb.organization_id as from_organization_id, tb.organization_id as to_organization_id
            from evaluation.member_movement mv join evaluation.party_member m on m.id = mv.member_id
            left join evaluation.branch fb on fb.id = mv.from_branch
            left join evaluation.branch tb on tb.id = mv.to_branch
            order by mv.id desc limit 500""")
            .query(Row.class)
            .list()
            .stream()
            .filter(
                r ->
                    mayChange(r.fromOrganizationId(), user)
                        || mayChange(r.toOrganizationId(), user))
            .limit(50)
            .toList());
    // today in Vietnam, as the service checks "not in the future" (the server may run on UTC)
    model.addAttribute("today", LocalDate.now(zone));
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
  }

  /** Administrators, and whoever sits on a grassroots committee (for that organization's members). */
  private boolean mayRecordAny(CurrentUser user) {
    return user.isAdmin()
        || jdbc.sql("select id from evaluation.organization").query(String.class).list().stream()
            .anyMatch(user::inOrganizationCommittee);
  }

  private static boolean mayChange(String organizationId, CurrentUser user) {
    return organizationId != null
        && (user.isAdmin() || user.inOrganizationCommittee(organizationId));
  }

  /** field → the refusal in the reader's language, the field named as the form labels it. */
  private Map<String, String> messages(List<FieldProblem> problems) {
    Locale locale = LocaleContextHolder.getLocale();
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem p : problems) {
      String field = messages.getMessage("movement.field." + p.field(), null, p.field(), locale);
      // the one wording of a reason, with the format expected where known (format.on: twelfth
      // session's outsider, MEDIUM 6)
      errors.putIfAbsent(p.field(), p.shown(messages, field, locale));
    }
    return errors;
  }
}
