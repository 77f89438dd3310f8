package vn.party.notification.preference;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Tùy chọn nhận thông báo của người đang đăng nhập")
public record PreferenceResponse(
    @Schema(
            description =
                "true: nhận cả thư điện tử (mặc định); false: chỉ thông báo trong ứng dụng")
        boolean emailEnabled) {}
