package vn.party.evaluation.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.task.TaskApi.TaskView;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Công việc / tasks")
public class TaskController {

  private final TaskWork work;

  public TaskController(TaskWork work) {
    this.work = work;
  }

  /** The most tasks a page holds: the whole list (the list holds at most this many, earliest due first). */
  static final int MAX_SIZE = 500;

  /** The last page asked for that may hold anything (one task a page). */
  static final int MAX_PAGE = MAX_SIZE - 1;

  @GetMapping
  @Operation(
      summary = "Việc của tôi / my work list",
      description =
          "The open tasks the signed-in user may see: their own, their committee's; auditors see all. At most 500,"
              + " earliest due first, in pages: page 0–499, size 1–500 (default: page 0 of 500, the whole list);"
              + " a page or size out of range, not a whole number or given twice, is refused (400 naming it:"
              + " out-of-range, wrong-type, duplicate-parameter).")
  public List<TaskView> list(
      @AuthenticationPrincipal CurrentUser user,
      HttpServletRequest request,
      @Parameter(
              description = "Trang, từ 0 / the page, from 0",
              schema =
                  @Schema(
                      type = "integer",
                      minimum = "0",
                      maximum = "" + MAX_PAGE,
                      defaultValue = "0"))
          @RequestParam(defaultValue = "0")
          int page,
      @Parameter(
              description = "Số việc mỗi trang / tasks per page",
              schema =
                  @Schema(
                      type = "integer",
                      minimum = "1",
                      maximum = "" + MAX_SIZE,
                      defaultValue = "" + MAX_SIZE))
          @RequestParam(defaultValue = "" + MAX_SIZE)
          int size) {
    // issue 12, outsider's re-attack (L4): a negative or huge page or size was taken silently
    List<FieldProblem> problems = new ArrayList<>();
    // ninth session's outsider, finding 13: "?page=1&page=2" was answered with the first page
    if (twice(request, "page")) {
      problems.add(new FieldProblem("page", "duplicate-parameter", null));
    } else if (page < 0 || page > MAX_PAGE) {
      problems.add(FieldProblem.outOfRange("page", 0, MAX_PAGE));
    }
    if (twice(request, "size")) {
      problems.add(new FieldProblem("size", "duplicate-parameter", null));
    } else if (size < 1 || size > MAX_SIZE) {
      problems.add(FieldProblem.outOfRange("size", 1, MAX_SIZE));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    List<TaskView> all = work.visibleTasks(user);
    long from = (long) page * size;
    return from >= all.size()
        ? List.of()
        : all.subList((int) from, (int) Math.min(all.size(), from + size));
  }

  /** Whether the query names the parameter more than once: which value is meant is not for us to guess. */
  private static boolean twice(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    return values != null && values.length > 1;
  }

  @PostMapping("/{taskId}/claim")
  @Operation(summary = "Nhận việc / claim a committee task")
  public ResponseEntity<Void> claim(
      @PathVariable String taskId, @AuthenticationPrincipal CurrentUser user) {
    work.claim(taskId, user);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{taskId}/complete")
  @Operation(
      summary = "Hoàn thành việc / complete a task",
      description =
          "Body: the task's form fields, e.g. {\"selfProposedLevel\":\"GOOD\",\"strengths\":\"...\"}. "
              + "400 names each refused field; 403 when the task is not yours; the task stays open on refusal. "
              + "The fields of each task and the reasons of a refusal: docs/contracts.md (member-evaluation: the variables each task submits). "
              + "committee-decision: decision (APPROVE | RETURN), decidedLevel (EXCELLENT | GOOD | COMPLETED | "
              + "NOT_COMPLETED, required on APPROVE, not above the cap: above-cap), decisionComment (required on RETURN "
              + "and on approving another level than the branch proposed: adjustment-reason-required), quotaReason "
              + "(required, at least 10 letters or digits, when approving EXCELLENT takes the organization above the "
              + "EXCELLENT quota of the moment: over-quota-reason-required; the approval is then recorded with the "
              + "reason, not refused).")
  public ResponseEntity<Void> complete(
      @PathVariable String taskId,
      @RequestBody Map<String, Object> values,
      @AuthenticationPrincipal CurrentUser user) {
    work.complete(taskId, values, user);
    return ResponseEntity.noContent().build();
  }
}
