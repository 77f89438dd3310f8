package vn.party.evaluation.complaint;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.party.evaluation.complaint.ComplaintApi.ComplaintView;
import vn.party.evaluation.process.TextLimits;
import vn.party.evaluation.process.validation.TextCharacters;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

/**
 * Who may complain through the API and what a refusal says; one rule for the API and the member's page. Only the
 * member about their own result: complaints by others (denunciations, the inspection committee's findings) come in
 * as {@code vn.party.member.complaint} events from the systems that receive them.
 */
@Component
public class ComplaintIntake {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  private final ComplaintService service;
  private final ComplaintMapper mapper;

  public ComplaintIntake(ComplaintService service, ComplaintMapper mapper) {
    this.service = service;
    this.mapper = mapper;
  }

  /** Longest grounds: kept whole in the process variable the committee above reads (varchar(4000)). */
  public static final int MAX_GROUNDS = TextLimits.COMPLAINT_GROUNDS;

  public ComplaintView complain(int year, String memberId, String grounds, CurrentUser user) {
    if (!user.userId().equals(memberId)) {
      throw ApiException.forbidden();
    }
    String problem =
        grounds == null || grounds.isBlank()
            ? "required"
            : grounds.length() > MAX_GROUNDS ? "too-long" : TextCharacters.problem(grounds);
    if (problem != null) {
      // too long: the refusal says the maximum, as the other texts' (twelfth session's outsider, 5)
      List<Long> bounds =
          "too-long".equals(problem) ? Arrays.asList(null, (long) MAX_GROUNDS) : List.of();
      throw ApiException.invalid(List.of(new FieldProblem("grounds", problem, null, bounds)));
    }
    ComplaintService.Outcome outcome =
        service.fromApi(year, memberId, grounds.strip(), user.userId());
    if (outcome.refusal() != null) {
      throw switch (outcome.refusal()) {
        case NO_EVALUATION -> ApiException.notFound("error.evaluation.not-found", year, memberId);
        case NOT_ANNOUNCED -> ApiException.conflict("error.complaint.not-announced", year);
        case WINDOW_CLOSED ->
            ApiException.conflict(
                "error.complaint.window-closed", WHEN.format(outcome.announcement().windowEnd()));
      };
    }
    return mapper.toView(outcome);
  }
}
