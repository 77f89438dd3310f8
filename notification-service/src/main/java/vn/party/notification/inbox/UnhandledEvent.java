package vn.party.notification.inbox;

/** An event of a type this service does not act on; its data is not read. */
public record UnhandledEvent() implements EventPayload {}
