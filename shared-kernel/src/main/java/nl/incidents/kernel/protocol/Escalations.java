package nl.incidents.kernel.protocol;

import java.util.Optional;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.PersonId;

/**
 * Where a case goes when it is escalated: the protocol's chain (the school's manager, then the
 * board), the legal duty that skips the manager, and the rule that nobody involved in the
 * discussion is handed its case.
 */
public final class Escalations {

    private Escalations() {
    }

    /**
     * The escalation of the case to its school's manager (SKOW B.2, Altena B.3), or to the board
     * instead: when the school has no manager on record, when the case's terms skip managers (the
     * legal duty, a chain that starts at the board), or when the manager is involved in the
     * discussion, as a person involved does not handle the case (the reason says so without
     * naming them).
     *
     * @param schoolManager the school's manager, or null when it has none on record
     */
    public static IncidentEscalated toManager(CaseProgress progress, PersonId schoolManager, String reason) {
        boolean involved = schoolManager != null && !CasePolicies.mayHold(schoolManager, progress);
        if (schoolManager != null && !involved && !progress.skipsManager()) {
            return new IncidentEscalated(progress.incidentId(), Assignee.manager(schoolManager), reason);
        }
        String why = progress.legalDuty() ? "Straight to the board, as the protocol requires for a case of this kind."
                : involved ? "Straight to the board: the school's manager is involved in the discussion, and a "
                        + "person involved does not handle the case."
                : reason;
        return new IncidentEscalated(progress.incidentId(), Assignee.board(), why);
    }

    /**
     * The escalation of the case one level up its chain, or empty when it is at the top. Before its
     * first escalation, the level above the manager: the board.
     */
    public static Optional<IncidentEscalated> up(CaseProgress progress, String reason) {
        Assignee holder = progress.assignee();
        EscalationLevel next = holder == null ? EscalationLevel.BOARD : progress.levelAbove(holder.level());
        return Optional.ofNullable(next)
                .map(level -> new IncidentEscalated(progress.incidentId(), new Assignee(level, null), reason));
    }
}
