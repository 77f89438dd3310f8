package vn.party.notification.inapp;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Kết quả đánh dấu tất cả đã đọc (mark all read)")
public record ReadAllResponse(
    @Schema(description = "Số thông báo vừa được đánh dấu đã đọc") int marked,
    @Schema(
            description =
                "Số thông báo chưa đọc còn lại (0, trừ khi có thông báo mới đến cùng lúc)")
        long unreadCount) {}
