package vn.party.evaluation.inbound;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.inbound.UnmatchedEventApi.UnmatchedEventView;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

@RestController
@RequestMapping("/api/v1/admin/unmatched-events")
@Tag(name = "Quản trị / administration")
public class UnmatchedEventController {

  static final int MAX_LIMIT = 500;

  private final UnmatchedEvents events;
  private final UnmatchedEventMapper mapper;
  private final MessageSource messages;

  public UnmatchedEventController(
      UnmatchedEvents events, UnmatchedEventMapper mapper, MessageSource messages) {
    this.events = events;
    this.mapper = mapper;
    this.messages = messages;
  }

  @GetMapping
  @Operation(
      summary = "Sự kiện đến không khớp hồ sơ nào / inbound events that matched nothing",
      description =
          "Administrators only. Newest first; filter by reason (UNKNOWN_MEMBER, NO_EVALUATION_YET, "
              + "UNSUPPORTED_TYPE, NOT_ANNOUNCED, COMPLAINT_WINDOW_CLOSED, UNKNOWN_ORGANIZATION, "
              + "PRODUCER_NOT_ALLOWED, INVALID_DATA, "
              + "TOO_LATE); limit 1–"
              + MAX_LIMIT
              + ".")
  public List<UnmatchedEventView> list(
      @RequestParam(required = false) UnmatchedReason reason,
      @RequestParam(defaultValue = "100") int limit,
      @AuthenticationPrincipal CurrentUser user) {
    if (!user.isAdmin()) {
      throw ApiException.forbidden();
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.invalid(List.of(new FieldProblem("limit", "out-of-range", null)));
    }
    return events.latest(reason, limit).stream()
        .map(
            event ->
                mapper.toView(
                    event,
                    messages.getMessage(
                        "unmatched." + event.reason().name(),
                        null,
                        event.reason().name(),
                        LocaleContextHolder.getLocale())))
        .toList();
  }
}
