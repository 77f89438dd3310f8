package vn.party.notification.preference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.party.notification.security.SignedInUser;

@RestController
@RequestMapping("/api/v1/notifications/preferences")
@Tag(
    name = "Tùy chọn thông báo",
    description = "Nhận thư điện tử hay chỉ thông báo trong ứng dụng (notification preferences)")
class PreferenceController {

  private final PreferenceService preferences;

  PreferenceController(PreferenceService preferences) {
    this.preferences = preferences;
  }

  @GetMapping
  @Operation(summary = "Tùy chọn của mình; mặc định nhận cả thư điện tử")
  PreferenceResponse get(@AuthenticationPrincipal SignedInUser user) {
    return preferences.get(user.userId());
  }

  @PutMapping
  @Operation(summary = "Chọn nhận thư điện tử (true) hay chỉ thông báo trong ứng dụng (false)")
  PreferenceResponse update(
      @AuthenticationPrincipal SignedInUser user, @Valid @RequestBody PreferenceRequest request) {
    return preferences.update(user.userId(), request);
  }
}
