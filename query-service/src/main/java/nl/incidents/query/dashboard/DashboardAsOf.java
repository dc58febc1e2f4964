package nl.incidents.query.dashboard;

import java.time.Instant;

/**
 * The board's dashboard at a moment and now, each figure of {@code then} beside the same figure of {@code now}: what
 * changed since.
 *
 * @param asOf the moment asked about
 * @param then the dashboard as it stood then (its {@code at} is the moment), rebuilt from the events up to then
 * @param now  the dashboard now
 */
public record DashboardAsOf(Instant asOf, Dashboard then, Dashboard now) {
}
