package nl.incidents.kernel.protocol;

import java.util.EnumMap;
import java.util.Map;

/**
 * How many whole years after a case's closure each kind of its records is kept (the storage limitation of AVG
 * art. 5(1)(e)). The board sets them ({@code incidents.retention.*}); the README gives the defaults' reasons.
 *
 * @param caseYears              the case with its history
 * @param personnelDossierYears  a staff member's personnel dossier entries from the case
 * @param pupilDossierYears      a pupil's dossier entries from the case
 * @throws IllegalArgumentException when a period is below one year or above 100
 */
public record RetentionPeriods(int caseYears, int personnelDossierYears, int pupilDossierYears) {

    /** The shortest period: a case is never erased in the year it closed. */
    public static final int MIN_YEARS = 1;
    /** The longest period: longer is a typing error, not a retention period. */
    public static final int MAX_YEARS = 100;

    public RetentionPeriods {
        check("case", caseYears);
        check("personnel dossier", personnelDossierYears);
        check("pupil dossier", pupilDossierYears);
    }

    /** The defaults: the case 5 years, personnel dossier entries 5 years, pupil dossier entries 2 years. */
    public static RetentionPeriods defaults() {
        return new RetentionPeriods(5, 5, 2);
    }

    /** The years for this kind of record. */
    public int years(RecordKind kind) {
        return switch (kind) {
            case CASE -> caseYears;
            case PERSONNEL_DOSSIER -> personnelDossierYears;
            case PUPIL_DOSSIER -> pupilDossierYears;
        };
    }

    /** Every kind with its years, in the order of {@link RecordKind}. */
    public Map<RecordKind, Integer> byKind() {
        Map<RecordKind, Integer> years = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            years.put(kind, years(kind));
        }
        return years;
    }

    private static void check(String kind, int years) {
        if (years < MIN_YEARS || years > MAX_YEARS) {
            throw new IllegalArgumentException("The retention period of the " + kind + " must be between "
                    + MIN_YEARS + " and " + MAX_YEARS + " years, not " + years + ".");
        }
    }
}
