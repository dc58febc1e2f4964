package nl.incidents.query.dashboard;

import java.time.Instant;
import java.util.Objects;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.query.AsOfMoment;

/**
 * The board's dashboard (overzicht) as it stood at a moment, beside the dashboard now: the board only (anyone else is
 * refused, forbidden), never counting a case that involves the viewer.
 *
 * @param at the moment as asked for, read ({@link AsOfMoment#parse}) only once the viewer may look
 */
public record FindDashboardAsOf(Actor viewer, String at) {

    public FindDashboardAsOf {
        Objects.requireNonNull(viewer, "viewer");
    }

    /**
     * The moment: every event stored up to and including it counts.
     *
     * @throws nl.incidents.kernel.RequestRefused invalid, naming {@code at}, for text that is no moment
     */
    Instant moment() {
        return AsOfMoment.parse(at);
    }
}
