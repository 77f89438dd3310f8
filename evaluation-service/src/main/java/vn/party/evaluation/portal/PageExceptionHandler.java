package vn.party.evaluation.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.security.engine.OwnCaseRefusedException;
import vn.party.evaluation.security.engine.PersonRefusedException;
import vn.party.evaluation.security.engine.SeatOnlyRefusedException;
import vn.party.evaluation.web.ApiException;

/**
 * Refusals on the people's pages: a page saying what happened in words (the HTTP status the API would give is the
 * response's status, never shown), with the site's menu for whoever is signed in — an exception handler's model does
 * not get {@link PortalModel}'s attributes, so the page lost its menu (fourteenth session's outsider, item 1).
 */
@ControllerAdvice(annotations = PortalPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

  private final MessageSource messages;
  private final PortalModel portalModel;

  public PageExceptionHandler(MessageSource messages, PortalModel portalModel) {
    this.messages = messages;
    this.portalModel = portalModel;
  }

  @ExceptionHandler(ApiException.class)
  String refused(ApiException e, Model model, HttpServletResponse response) {
    return page(e.status().value(), e.messageKey(), e.arguments(), model, response);
  }

  @ExceptionHandler(AuthorizationException.class)
  String forbidden(AuthorizationException e, Model model, HttpServletResponse response) {
    log.info("page refused by the engine: {}", e.getMessage());
    return page(403, "error.forbidden", new Object[0], model, response);
  }

  @ExceptionHandler(OwnCaseRefusedException.class)
  String ownCase(OwnCaseRefusedException e, Model model, HttpServletResponse response) {
    return page(403, e.messageKey(), new Object[0], model, response);
  }

  @ExceptionHandler(PersonRefusedException.class)
  String personRefused(PersonRefusedException e, Model model, HttpServletResponse response) {
    return page(403, e.messageKey(), new Object[0], model, response);
  }

  @ExceptionHandler(SeatOnlyRefusedException.class)
  String seatOnly(SeatOnlyRefusedException e, Model model, HttpServletResponse response) {
    return page(403, e.messageKey(), new Object[0], model, response);
  }

  @ExceptionHandler(TaskAlreadyClaimedException.class)
  String claimed(Model model, HttpServletResponse response) {
    return page(409, "error.task.claimed", new Object[0], model, response);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String badPath(Model model, HttpServletResponse response) {
    return page(400, "error.invalid", new Object[0], model, response);
  }

  private String page(
      int status, String key, Object[] arguments, Model model, HttpServletResponse response) {
    response.setStatus(status);
    model.addAttribute("status", status);
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn != null && signedIn.getPrincipal() instanceof CurrentUser user) {
      model.addAttribute("me", portalModel.me(user));
    }
    model.addAttribute(
        "message", messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale()));
    return "portal/error";
  }
}
