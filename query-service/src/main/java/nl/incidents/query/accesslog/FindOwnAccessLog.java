package nl.incidents.query.accesslog;

import java.util.Objects;
import nl.incidents.kernel.incident.Actor;

/** What was read about the viewer themselves (their dossier, the cases they are involved in), newest first. */
public record FindOwnAccessLog(Actor viewer, Paging paging) {

    public FindOwnAccessLog {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(paging, "paging");
    }
}
