package vn.party.notification.inbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Data of {@code vn.party.evaluation.account.email-changed} (seventh session's outsider, 5b): whose address changed,
 * the address it was, who changed it ({@code changedBy}, a user id; optional) and, when the same change renamed the
 * account, the name it had ({@code previousName}, optional, AsyncAPI 0.4.0). The only event whose address is used:
 * {@code previousEmail} gets the one fixed notice that the address was changed, nothing else, greeting its holder by
 * {@code previousName} when given (eighth session's outsider, 3a: an adopted sign-in's previous address was greeted by
 * the name the importer wrote); the holder is told at the address the directory has now.
 */
public record AccountEmailChangedData(
    @NotBlank @Size(max = 100) String userId,
    @NotBlank @Size(max = 300) String previousEmail,
    @Size(min = 1, max = 100) String changedBy,
    @Size(min = 1, max = 300) String previousName)
    implements EventPayload {}
