package nl.incidents.web.board;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A person's dossier as the query service gives it ({@code GET /api/people/{personId}/dossier}): the personnel
 * dossier ({@code kind} PERSONNEL), the pupil dossier (PUPIL, pupils and parents) or OTHER, with its entries (a
 * measure or correspondence, each with its case, school and who recorded it), oldest first.
 */
record PersonDossierView(String personId, String kind, List<Entry> entries) {

    PersonDossierView {
        entries = entries == null ? List.of() : entries;
    }

    /** One measure ({@code type} MEASURE, with {@code measure}) or piece of correspondence (CORRESPONDENCE). */
    record Entry(String incidentId, String schoolId, String type, String partyRole, String measure, String text,
                 OffsetDateTime recordedAt, HistoryEntryView.Actor recordedBy) {
    }
}
