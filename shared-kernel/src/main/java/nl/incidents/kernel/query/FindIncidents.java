package nl.incidents.kernel.query;

import nl.incidents.kernel.incident.Actor;

/** The cases this viewer may see, newest first. */
public record FindIncidents(Actor viewer) {
}
