package vn.party.evaluation.campaign;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.party.evaluation.campaign.CampaignApi.CreateCampaignRequest;
import vn.party.evaluation.rules.Regulation;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.ConstraintBounds;
import vn.party.evaluation.web.FieldProblem;

/**
 * A request to open a campaign, checked the same way at the domain API and on the page before the campaign service
 * is asked, every problem reported at once (issue 14): the values that could not be read ({@code unreadable}, e.g. a
 * deadline that is no date: {@code invalid-format}; a year that is no number), the fields' constraints (Bean
 * Validation, a year to come among them), the regulation, and the deadlines that were read — already past, out of
 * order among themselves ({@link CampaignCalendar}). Whether the organization exists is the service's to say, to its
 * committee only.
 */
@Component
public class CampaignRequestCheck {

  private final Validator validator;
  private final CampaignCalendar calendar;

  public CampaignRequestCheck(Validator validator, CampaignCalendar calendar) {
    this.validator = validator;
    this.calendar = calendar;
  }

  /** Refuses the request (400, every problem) unless nothing is wrong with it. */
  public void check(CreateCampaignRequest request, List<FieldProblem> unreadable) {
    List<FieldProblem> problems = new ArrayList<>(unreadable);
    for (ConstraintViolation<CreateCampaignRequest> violation : validator.validate(request)) {
      String field = violation.getPropertyPath().toString();
      // a value that could not be read is absent: its reason is that, not "required"
      if (unreadable.stream().noneMatch(p -> p.field().equals(field))) {
        problems.add(
            new FieldProblem(field, reason(violation), null, ConstraintBounds.of(violation)));
      }
    }
    if (request.regulation() != null
        && problems.stream().noneMatch(p -> p.field().equals("regulation"))
        && Arrays.stream(Regulation.values())
            .noneMatch(r -> r.code().equals(request.regulation()))) {
      problems.add(new FieldProblem("regulation", "invalid-regulation", null));
    }
    problems.addAll(calendar.problems(request));
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
  }

  /** A Bean Validation constraint as the API's reason, as the API's handler names it. */
  static String reason(ConstraintViolation<?> violation) {
    String constraint =
        violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    return switch (constraint) {
      case "NotNull", "NotBlank", "NotEmpty" -> "required";
      case "Size" -> "too-long";
      case "Min", "Max", "Range" -> "out-of-range";
      case "Pattern" -> "invalid-format";
      case "NotAfterCurrentYear" -> "future-year";
      default -> "invalid";
    };
  }
}
