package nl.incidents.query.dashboard;

import java.util.Objects;
import nl.incidents.kernel.incident.Actor;

/**
 * The board's dashboard (overzicht) as this viewer may read it: the board only (anyone else is refused, forbidden),
 * and never counting a case that involves the viewer.
 */
public record FindDashboard(Actor viewer) {

    public FindDashboard {
        Objects.requireNonNull(viewer, "viewer");
    }
}
