package nl.incidents.query.inbox;

/** The number of a member's inbox entries not yet marked read, 0 or more. */
public record UnreadCount(long unread) {
}
