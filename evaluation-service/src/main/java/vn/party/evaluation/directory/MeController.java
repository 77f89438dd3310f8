package vn.party.evaluation.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.security.CurrentUser;

/** Who am I: also how notification-service checks the same users' credentials. */
@RestController
@Tag(name = "Người dùng / me")
public class MeController {

  public record Me(String userId, String displayName, String email, List<String> groups) {}

  private final People people;
  private final MeMapper mapper;

  public MeController(People people, MeMapper mapper) {
    this.people = people;
    this.mapper = mapper;
  }

  @GetMapping("/api/v1/me")
  @Operation(summary = "Người dùng đang đăng nhập / the signed-in user and their groups")
  public Me me(@AuthenticationPrincipal CurrentUser user) {
    Recipient recipient =
        people.user(user.userId()).stream()
            .findFirst()
            .orElse(new Recipient(user.userId(), null, user.userId()));
    return mapper.toMe(user, recipient);
  }
}
