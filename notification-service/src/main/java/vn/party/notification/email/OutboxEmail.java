package vn.party.notification.email;

import java.util.UUID;

/** An e-mail waiting in {@code notification.email_outbox}. */
public record OutboxEmail(
    UUID id, String toAddress, String subject, String body, String htmlBody, int attempts) {}
