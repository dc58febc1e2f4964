package nl.incidents.kernel.protocol;

/**
 * A kind of record with a retention period (bewaartermijn) of its own, counted from the closure of its case
 * ({@link RetentionPeriods}).
 */
public enum RecordKind {
    /** The case itself with its history: the report, the steps taken, the timeline, the parties and their parts. */
    CASE("case"),
    /** A staff member's personnel dossier entries from the case (personeelsdossier): measures, correspondence. */
    PERSONNEL_DOSSIER("personnel-dossier"),
    /** A pupil's dossier entries from the case (leerlingdossier): measures, correspondence. */
    PUPIL_DOSSIER("pupil-dossier");

    private final String code;

    RecordKind(String code) {
        this.code = code;
    }

    /** The kind as the API gives it, such as {@code pupil-dossier}. */
    public String code() {
        return code;
    }
}
