package nl.incidents.query.inbox;

import java.util.Objects;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;

/** The viewer's own inbox: the newest {@code limit} notices they were sent, newest first. */
public record FindInbox(Actor viewer, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public FindInbox {
        Objects.requireNonNull(viewer, "viewer");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RequestRefused.invalid("inbox.limit", "limit", "Ask for 1 to " + MAX_LIMIT + " entries, not " + limit + ".");
        }
    }
}
