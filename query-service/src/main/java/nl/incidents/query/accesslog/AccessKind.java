package nl.incidents.query.accesslog;

/** What a read of the access log (inzagelog) was of: a case's dossier, a case's full history, or a person's dossier. */
public enum AccessKind {
    /** {@code GET /api/incidents/{id}}: the incident dossier; the entry names the case. */
    INCIDENT_DOSSIER,
    /** {@code GET /api/incidents/{id}/history}: every event of the case; the entry names the case. */
    HISTORY,
    /**
     * {@code GET /api/people/{personId}/dossier}: a personnel, pupil or other dossier; and the board's export of
     * everything about the person ({@code /export}, {@code /export.pdf}). The entry names the person.
     */
    PERSON_DOSSIER
}
