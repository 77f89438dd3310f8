package vn.party.notification.compose;

/** An e-mail ready for the outbox: the HTML part carries the same text, escaped. */
public record EmailContent(String subject, String text, String html) {}
