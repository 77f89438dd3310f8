package vn.party.evaluation.notifications;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import vn.party.evaluation.security.CurrentUser;

/**
 * The signed-in person's in-app notifications and their choice of e-mail or in-app only, kept by
 * notification-service and shown here. When notification-service does not answer, the page says so (503) and the
 * rest of the portal works on.
 */
@Controller
@PortalPage
public class NotificationPageController {

  private final NotificationClient client;

  public NotificationPageController(NotificationClient client) {
    this.client = client;
  }

  @GetMapping("/app/notifications")
  public String list(
      @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response) {
    try {
      model.addAttribute("page", client.list(user.userId(), LocaleContextHolder.getLocale()));
      return "notifications/list";
    } catch (NotificationsUnavailableException e) {
      return unavailable(model, response);
    }
  }

  @PostMapping("/app/notifications/{id}/read")
  public String markRead(
      @PathVariable UUID id,
      @AuthenticationPrincipal CurrentUser user,
      RedirectAttributes flash,
      Model model,
      HttpServletResponse response) {
    try {
      client.markRead(user.userId(), id, LocaleContextHolder.getLocale());
    } catch (NotificationsUnavailableException e) {
      return unavailable(model, response);
    }
    flash.addFlashAttribute("notice", "notice.notification-read");
    return "redirect:/app/notifications";
  }

  @PostMapping("/app/notifications/read-all")
  public String markAllRead(
      @AuthenticationPrincipal CurrentUser user,
      RedirectAttributes flash,
      Model model,
      HttpServletResponse response) {
    try {
      client.markAllRead(user.userId());
    } catch (NotificationsUnavailableException e) {
      return unavailable(model, response);
    }
    flash.addFlashAttribute("notice", "notice.notifications-all-read");
    return "redirect:/app/notifications";
  }

  @GetMapping("/app/notifications/preferences")
  public String preferences(
      @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response) {
    try {
      model.addAttribute("emailEnabled", client.preference(user.userId()).emailEnabled());
    } catch (NotificationsUnavailableException e) {
      return unavailable(model, response);
    }
    model.addAttribute("errors", Map.of());
    return "notifications/preferences";
  }

  /** {@code channel}: {@code EMAIL} (e-mail and in-app) or {@code IN_APP} (in-app only); anything else is refused. */
  @PostMapping("/app/notifications/preferences")
  public String choose(
      @RequestParam(required = false) String channel,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      RedirectAttributes flash,
      HttpServletResponse response) {
    if (!"EMAIL".equals(channel) && !"IN_APP".equals(channel)) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("emailEnabled", null);
      model.addAttribute("errors", Map.of("channel", "ui.preferences.channel-refused"));
      return "notifications/preferences";
    }
    try {
      client.choose(user.userId(), "EMAIL".equals(channel));
    } catch (NotificationsUnavailableException e) {
      return unavailable(model, response);
    }
    flash.addFlashAttribute("notice", "notice.preferences-saved");
    return "redirect:/app/notifications/preferences";
  }

  /** In the handlers, not an exception handler: so the page keeps the header (who is signed in, the menu). */
  private static String unavailable(Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "30");
    model.addAttribute("page", new Notifications.Page(0, List.of()));
    model.addAttribute("unavailable", true);
    return "notifications/list";
  }
}
