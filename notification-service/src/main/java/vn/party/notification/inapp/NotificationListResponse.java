package vn.party.notification.inapp;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "Thông báo của người đang đăng nhập, mới nhất trước")
public record NotificationListResponse(
    @Schema(description = "Số thông báo chưa đọc (tất cả, không chỉ trong trang này)")
        long unreadCount,
    List<NotificationResponse> items) {}
