package vn.party.evaluation.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.task.TaskApi.TaskView;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Công việc / tasks")
public class TaskController {

  private final TaskWork work;

  public TaskController(TaskWork work) {
    this.work = work;
  }

  @GetMapping
  @Operation(
      summary = "Việc của tôi / my work list",
      description =
          "The open tasks the signed-in user may see: their own, their committee's; auditors see all.")
  public List<TaskView> list(@AuthenticationPrincipal CurrentUser user) {
    return work.visibleTasks(user);
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
              + "400 names each refused field; 403 when the task is not yours; the task stays open on refusal.")
  public ResponseEntity<Void> complete(
      @PathVariable String taskId,
      @RequestBody Map<String, Object> values,
      @AuthenticationPrincipal CurrentUser user) {
    work.complete(taskId, values, user);
    return ResponseEntity.noContent().build();
  }
}
