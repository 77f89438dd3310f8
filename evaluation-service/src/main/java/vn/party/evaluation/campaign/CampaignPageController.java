package vn.party.evaluation.campaign;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.party.evaluation.campaign.CampaignApi.CreateCampaignRequest;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.rules.Regulation;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;
import vn.party.evaluation.web.PageDates;

/**
 * Campaigns as pages: the grassroots committee opens its organization's campaign (the same checks as the API, the
 * refusals next to the fields), then follows its progress — members started while the launch runs (the page
 * refreshes itself until the launch is done), then members decided, per level, and those not rated. Who may read
 * the progress: as the API.
 */
@Controller
@PortalPage
public class CampaignPageController {

  /** unitAssessmentDue may stay empty: the API then takes the residence-feedback deadline. */
  private static final List<String> DUE_FIELDS =
      List.of(
          "selfReviewDue",
          "residenceFeedbackDue",
          "unitAssessmentDue",
          "branchReviewDue",
          "decisionDue");

  private final Campaigns campaigns;
  private final CampaignService service;
  private final CampaignRequestCheck check;
  private final MessageSource messages;
  private final ZoneId zone;
  private final Finalizations finalizations;
  private final BranchesWithoutCommittee withoutCommittee;
  private final OrganizationWithoutCommittee organizationWithoutCommittee;

  public CampaignPageController(
      Campaigns campaigns,
      CampaignService service,
      CampaignRequestCheck check,
      MessageSource messages,
      @Value("${evaluation.time-zone:Asia/Ho_Chi_Minh}") String zone,
      Finalizations finalizations,
      BranchesWithoutCommittee withoutCommittee,
      OrganizationWithoutCommittee organizationWithoutCommittee) {
    this.campaigns = campaigns;
    this.service = service;
    this.check = check;
    this.messages = messages;
    this.zone = ZoneId.of(zone);
    this.finalizations = finalizations;
    this.withoutCommittee = withoutCommittee;
    this.organizationWithoutCommittee = organizationWithoutCommittee;
  }

  /** The campaigns the user may follow: their organization's, or every one for auditors and administrators. */
  @GetMapping("/app/campaigns")
  public String list(@AuthenticationPrincipal CurrentUser user, Model model) {
    String organization =
        committeeOf(user).or(() -> user.inspectedOrganizations().stream().findFirst()).orElse(null);
    if (organization == null && !user.isAuditor() && !user.isAdmin()) {
      throw ApiException.forbidden();
    }
    model.addAttribute(
        "campaigns", campaigns.list(user.isAuditor() || user.isAdmin() ? null : organization, 200));
    model.addAttribute("mayOpen", committeeOf(user).isPresent() || user.isAdmin());
    return "campaign/list";
  }

  @GetMapping("/app/campaigns/new")
  public String form(@AuthenticationPrincipal CurrentUser user, Model model) {
    String organization = mayOpen(user);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("organizationId", organization);
    values.put("year", String.valueOf(Year.now(zone).getValue()));
    values.put("regulation", Regulation.QD_366_2025.code());
    return page(model, values, Map.of(), null);
  }

  @PostMapping("/app/campaigns/new")
  public String open(
      @RequestParam MultiValueMap<String, String> params,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      RedirectAttributes flash,
      HttpServletResponse response) {
    String ownOrganization = mayOpen(user);
    Map<String, String> values = new LinkedHashMap<>(params.toSingleValueMap());
    values.remove("_csrf");
    // a committee opens its own organization's campaign, whatever the form says; an administrator
    // chooses
    String organization =
        user.isAdmin() && ownOrganization.isEmpty()
            ? text(values.get("organizationId"))
            : ownOrganization;
    values.put("organizationId", organization);
    List<FieldProblem> problems = new ArrayList<>();
    Integer year = year(values.get("year"), problems);
    Map<String, OffsetDateTime> dues = new LinkedHashMap<>();
    for (String field : DUE_FIELDS) {
      dues.put(field, due(field, values.get(field), problems));
    }
    // not trimmed: " QD-366-2025" is not a regulation code, as in the API
    String regulation =
        values.get("regulation") == null || values.get("regulation").isEmpty()
            ? null
            : values.get("regulation");
    CreateCampaignRequest request =
        new CreateCampaignRequest(
            organization,
            year,
            regulation,
            dues.get("selfReviewDue"),
            dues.get("residenceFeedbackDue"),
            dues.get("unitAssessmentDue"),
            dues.get("branchReviewDue"),
            dues.get("decisionDue"));
    try {
      // every problem at once: the values that could not be read, the other fields' constraints,
      // the deadlines read (in the past, out of order)
      check.check(request, problems);
      service.open(request, user);
      flash.addFlashAttribute("notice", "notice.campaign-opened");
      return "redirect:/app/campaigns/" + organization + "/" + year;
    } catch (ApiException refused) {
      if (refused.status().value() == 409) {
        response.setStatus(409);
        String message =
            messages.getMessage(
                refused.messageKey(), refused.arguments(), LocaleContextHolder.getLocale());
        return page(model, values, Map.of("year", message), organization + "/" + year);
      }
      if (refused.problems().isEmpty()) {
        throw refused;
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(model, values, errors(refused.problems()), null);
    }
  }

  @GetMapping("/app/campaigns/{organizationId}/{year}")
  public String progress(
      @PathVariable String organizationId,
      @PathVariable int year,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    var id =
        campaigns
            .idOf(organizationId, year)
            .orElseThrow(
                () -> ApiException.notFound("error.report.not-found", organizationId, year));
    model.addAttribute("campaign", service.get(id, user));
    model.addAttribute("finalization", finalizations.of(id).orElse(null));
    model.addAttribute("withoutCommittee", withoutCommittee.of(id));
    model.addAttribute(
        "organizationWithoutCommittee", organizationWithoutCommittee.waiting(id).orElse(null));
    return "campaign/progress";
  }

  /** The organization the user opens campaigns for ("" for an administrator outside any committee). */
  private static String mayOpen(CurrentUser user) {
    Optional<String> organization = committeeOf(user);
    if (organization.isEmpty() && !user.isAdmin()) {
      throw ApiException.forbidden();
    }
    return organization.orElse("");
  }

  private static Optional<String> committeeOf(CurrentUser user) {
    return user.groups().stream()
        .map(Groups::organizationOfCommittee)
        .flatMap(Optional::stream)
        .findFirst();
  }

  private String page(
      Model model, Map<String, String> values, Map<String, String> errors, String existing) {
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("existing", existing);
    model.addAttribute("regulations", Regulation.values());
    model.addAttribute("dueFields", DUE_FIELDS);
    return "campaign/new";
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Integer year(String value, List<FieldProblem> problems) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    // ASCII digits only: Integer.valueOf would also read full-width digits
    if (!text.matches("[0-9]{1,9}")) {
      problems.add(new FieldProblem("year", "wrong-type", null));
      return null;
    }
    return Integer.valueOf(text);
  }

  /** A date and time as the browser's datetime-local field sends it, in the users' time zone. */
  private OffsetDateTime due(String field, String value, List<FieldProblem> problems) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(PageDates.isoDateTime(text)).atZone(zone).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      // the format the page's field takes, not the API's (twelfth session's outsider, MEDIUM 6)
      var locale = LocaleContextHolder.getLocale();
      String label = messages.getMessage("field." + field, null, field, locale);
      String expected = messages.getMessage("format.page.due", null, locale);
      problems.add(
          new FieldProblem(
              field,
              "invalid-format",
              messages.getMessage(
                  "reason.invalid-format.expected", new Object[] {label, expected}, locale)));
      return null;
    }
  }

  private Map<String, String> errors(List<FieldProblem> problems) {
    var locale = LocaleContextHolder.getLocale();
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem problem : problems) {
      String label = messages.getMessage("field." + problem.field(), null, problem.field(), locale);
      errors.putIfAbsent(problem.field(), problem.shown(messages, label, locale));
    }
    return errors;
  }
}
