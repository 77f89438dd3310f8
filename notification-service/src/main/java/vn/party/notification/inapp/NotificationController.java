package vn.party.notification.inapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.party.notification.security.SignedInUser;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(
    name = "Thông báo",
    description = "Thông báo trong ứng dụng của người đang đăng nhập (in-app notifications)")
class NotificationController {

  private final NotificationService notifications;

  NotificationController(NotificationService notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  @Operation(
      summary = "Danh sách thông báo, mới nhất trước, kèm số chưa đọc",
      description =
          "Chỉ phân trang bằng limit; tham số khác (size, page, offset...) bị từ chối: 400 nêu tên tham số"
              + " (reason unknown-parameter), không bị bỏ qua. / Pages by limit only; any other query"
              + " parameter (size, page, offset...) is refused with a 400 naming it (reason"
              + " unknown-parameter), never ignored.")
  NotificationListResponse list(
      @AuthenticationPrincipal SignedInUser user,
      @Parameter(description = "Chỉ lấy thông báo chưa đọc") @RequestParam(defaultValue = "false")
          boolean unreadOnly,
      @Parameter(
              description =
                  "Số thông báo tối đa (1–200); ngoài khoảng: 400 limit out-of-range / at most this many"
                      + " (1–200); out of range: 400 naming limit")
          @RequestParam(defaultValue = "50")
          @Min(1)
          @Max(200)
          int limit,
      Locale locale) {
    return notifications.list(user.userId(), unreadOnly, limit, locale);
  }

  @PostMapping("/read-all")
  @Operation(
      summary = "Đánh dấu mọi thông báo của mình là đã đọc / mark all of one's notifications read")
  ReadAllResponse markAllRead(@AuthenticationPrincipal SignedInUser user) {
    return notifications.markAllRead(user.userId());
  }

  @PostMapping("/{id}/read")
  @Operation(summary = "Đánh dấu một thông báo của mình là đã đọc")
  NotificationResponse markRead(
      @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Locale locale) {
    return notifications.markRead(id, user.userId(), locale);
  }
}
