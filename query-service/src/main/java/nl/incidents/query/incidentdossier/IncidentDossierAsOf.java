package nl.incidents.query.incidentdossier;

import java.time.Instant;
import java.util.List;
import nl.incidents.query.incidentdossier.IncidentDossier.TimelineEntry;

/**
 * A case as it stood at a moment, rebuilt from its events up to then (the board's review: "what did we know, and
 * when"), and what changed since.
 *
 * @param asOf    the moment asked about
 * @param dossier the dossier as the board would have read it then, without actions (nothing is taken in the past);
 *                personal data erased since reads {@value nl.incidents.kernel.privacy.PersonalData#ERASED}, since an
 *                erasure holds for the past too
 * @param since   the timeline's lines after that moment up to now, in order: what changed since
 */
public record IncidentDossierAsOf(Instant asOf, IncidentDossier dossier, List<TimelineEntry> since) {
}
