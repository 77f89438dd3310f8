package vn.party.notification.preference;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import vn.party.notification.web.StrictBooleanDeserializer;

@Schema(description = "Tùy chọn nhận thông báo (notification preferences)")
public record PreferenceRequest(
    @Schema(
            description = "true: nhận cả thư điện tử; false: chỉ thông báo trong ứng dụng",
            requiredMode = Schema.RequiredMode.REQUIRED,
            example = "false")
        @NotNull
        // JSON true or false only: "false" or 0 must not be taken for a choice.
        @JsonDeserialize(using = StrictBooleanDeserializer.class)
        Boolean emailEnabled) {}
