package nl.incidents.query.inbox;

import java.util.Objects;
import nl.incidents.kernel.incident.Actor;

/** How many of the viewer's inbox entries they have not marked read (ongelezen), for the pages' header. */
public record FindUnreadCount(Actor viewer) {

    public FindUnreadCount {
        Objects.requireNonNull(viewer, "viewer");
    }
}
