package nl.incidents.query.inbox;

import java.util.List;

/** The newest notices of a member's inbox, newest first. */
public record Inbox(List<InboxEntry> entries) {

    public Inbox {
        entries = List.copyOf(entries);
    }
}
