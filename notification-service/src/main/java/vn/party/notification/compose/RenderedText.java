package vn.party.notification.compose;

/** Title and body of an in-app notification in one language. */
public record RenderedText(String title, String body) {}
