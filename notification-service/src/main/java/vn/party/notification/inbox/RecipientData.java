package vn.party.notification.inbox;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/** Someone to notify. Without an e-mail address only the in-app notification is created. */
public record RecipientData(@NotBlank String userId, @Email String email, String displayName) {

  public String nameForGreeting() {
    return displayName == null || displayName.isBlank() ? userId : displayName.strip();
  }

  public boolean hasEmail() {
    return email != null && !email.isBlank();
  }
}
