package vn.party.evaluation.campaign;

import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import vn.party.evaluation.campaign.CampaignApi.CreateCampaignRequest;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

/**
 * Who may open no campaign at all — neither an administrator nor on any organization's committee: an auditor, a
 * member, a branch committee — is refused 403 before the body is read, whatever it holds (issue 12, outsider's
 * re-attack L3: an auditor's invalid campaign body got 400 naming its fields before the 403). Whoever sits on an
 * organization's committee is judged on the body's organization before its values ({@link CampaignController}).
 */
@RestControllerAdvice(assignableTypes = CampaignController.class)
class CampaignOpeners extends RequestBodyAdviceAdapter {

  /** Whether the user may open some organization's campaign. */
  static boolean mayOpenAny(CurrentUser user) {
    return user.isAdmin()
        || !user.isAuditor()
            && user.groups().stream().anyMatch(g -> Groups.organizationOfCommittee(g).isPresent());
  }

  /** Whether the user may open this organization's campaign (null: none named). */
  static boolean mayOpen(String organizationId, CurrentUser user) {
    return user.isAdmin() || organizationId != null && user.inOrganizationCommittee(organizationId);
  }

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return targetType == CreateCampaignRequest.class;
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage inputMessage,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    refuseWhoMayOpenNone();
    return inputMessage;
  }

  @Override
  public Object handleEmptyBody(
      Object body,
      HttpInputMessage inputMessage,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    refuseWhoMayOpenNone();
    return body;
  }

  private static void refuseWhoMayOpenNone() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication != null && authentication.getPrincipal() instanceof CurrentUser user)
        || !mayOpenAny(user)) {
      throw ApiException.forbidden();
    }
  }
}
