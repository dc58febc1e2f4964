package nl.incidents.query.accesslog;

/**
 * What a read of the access log (inzagelog) was of: a case's dossier, a case's full history, a person's dossier, a
 * piece of a case's evidence, a case's police package; or the board's case list or dashboard as they stood at a moment.
 */
public enum AccessKind {
    /** {@code GET /api/incidents/{id}}: the incident dossier; the entry names the case. */
    INCIDENT_DOSSIER,
    /** {@code GET /api/incidents/{id}/history}: every event of the case; the entry names the case. */
    HISTORY,
    /**
     * {@code GET /api/people/{personId}/dossier}: a personnel, pupil or other dossier; and the board's export of
     * everything about the person ({@code /export}, {@code /export.pdf}). The entry names the person.
     */
    PERSON_DOSSIER,
    /**
     * {@code GET /api/incidents/as-of}: the board's case list as it stood at a moment; the entry names no case or
     * person (a page lists many), only who looked, when and from where.
     */
    CASE_LIST_AS_OF,
    /** {@code GET /api/dashboard/as-of}: the board's dashboard as it stood at a moment; the entry names no subject. */
    DASHBOARD_AS_OF,
    /** {@code GET /api/incidents/{id}/evidence/{evidenceId}}: one piece of a case's evidence; the entry names the case. */
    EVIDENCE,
    /** {@code GET /api/incidents/{id}/police-package}: all the case's evidence and its timeline; the entry names the case. */
    POLICE_PACKAGE;

    /** Whether an entry of this kind names its subject (a case, or for a person dossier a person). */
    public boolean namesASubject() {
        return this != CASE_LIST_AS_OF && this != DASHBOARD_AS_OF;
    }
}
