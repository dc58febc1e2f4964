package nl.incidents.kernel.incident;

import java.util.EnumSet;
import java.util.Set;

/**
 * A measure against a person involved in a case. Staff: warning, reprimand, suspension, dismissal,
 * summary dismissal (waarschuwing, berisping, schorsing, ontslag, ontslag op staande voet). Pupils
 * and parents: warning, suspension, removal from school (verwijdering).
 */
public enum Measure {
    WARNING(false, EnumSet.of(PartyRole.STAFF, PartyRole.PUPIL, PartyRole.PARENT)),
    REPRIMAND(false, EnumSet.of(PartyRole.STAFF)),
    SUSPENSION(true, EnumSet.of(PartyRole.STAFF, PartyRole.PUPIL, PartyRole.PARENT)),
    DISMISSAL(true, EnumSet.of(PartyRole.STAFF)),
    SUMMARY_DISMISSAL(true, EnumSet.of(PartyRole.STAFF)),
    REMOVAL(true, EnumSet.of(PartyRole.PUPIL, PartyRole.PARENT));

    private final boolean heavy;
    private final Set<PartyRole> appliesTo;

    Measure(boolean heavy, Set<PartyRole> appliesTo) {
        this.heavy = heavy;
        this.appliesTo = appliesTo;
    }

    /** Heavy measures (suspension and up, removal) are the board's to impose. */
    public boolean heavy() {
        return heavy;
    }

    public boolean fits(PartyRole role) {
        return appliesTo.contains(role);
    }
}
