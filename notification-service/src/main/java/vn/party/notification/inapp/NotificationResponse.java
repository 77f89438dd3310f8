package vn.party.notification.inapp;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import vn.party.notification.compose.NotificationKind;

@Schema(description = "Thông báo trong ứng dụng (in-app notification)")
public record NotificationResponse(
    UUID id,
    NotificationKind kind,
    @Schema(description = "Tiêu đề, theo ngôn ngữ của Accept-Language (mặc định tiếng Việt)")
        String title,
    @Schema(description = "Nội dung") String body,
    @Schema(description = "Đường dẫn tới việc cần làm, nếu có", nullable = true) String link,
    Instant createdAt,
    @Schema(nullable = true) Instant readAt,
    boolean read) {}
