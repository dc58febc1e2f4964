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

    /**
     * The cause the history gives for the escalation on a report (metadata {@code cause}), made by the system in the
     * report's own unit of work (or, for a report accepted before that, by the saga).
     */
    public static final String REPORT_CAUSE = "report";
    /**
     * The metadata key of a report that was escalated in its own unit of work (value {@code "true"}): the saga
     * escalates only a report without it, one accepted by an earlier version whose saga had not yet sent it on.
     */
    public static final String ESCALATED_ON_REPORT_KEY = "escalatedOnReport";
    /** The reason of a case the system escalates to its school's manager on the report. */
    public static final String REPORTED = "Reported: the manager hears of it at once.";
    /** The reason of a case that goes to the board at once under the legal duty (art. 4a WOT). */
    public static final String LEGAL_DUTY = "Straight to the board, as the protocol requires for a case of this kind.";
    /** The reason of a case that goes to the board because its school's manager is involved (naming nobody). */
    public static final String MANAGER_INVOLVED = "Straight to the board: the school's manager is involved in the "
            + "discussion, and a person involved does not handle the case.";
    /**
     * The reason of a case that goes to the board because it is need-to-know and its school's manager is not among
     * those the board let know of it (naming nobody).
     */
    public static final String NEED_TO_KNOW = "Straight to the board: only those who need to know may know of this "
            + "case, and the school's manager is not among them.";
    private static final String NO_MANAGER_START = "Reported, and school ";
    private static final String NO_MANAGER_END = " has no manager on record: straight to the board.";
    private static final String NOT_ACKNOWLEDGED_MIDDLE = " did not acknowledge the case by ";

    private Escalations() {
    }

    /**
     * Why the system escalated a case, by name, so that a page can say it in its reader's language: the reasons the
     * system writes itself (in English, kept in the events) are recognised here, where they are made.
     */
    public enum Cause {
        /** The report goes to the school's manager at once (SKOW B.2, Altena B.3). */
        REPORT,
        /** The report goes to the board because the school has no manager on record. */
        NO_MANAGER,
        /** The legal duty of art. 4a WOT: the board at once. */
        LEGAL_DUTY,
        /** The school's manager is involved in the discussion, so the board handles it. */
        MANAGER_INVOLVED,
        /** The holder did not acknowledge the case in time, so it went up a level. */
        NOT_ACKNOWLEDGED,
        /** The case is need-to-know and its school's manager was not added to it, so the board handles it. */
        NEED_TO_KNOW;

        /** The cause of a reason the system wrote; empty for a person's own words or none. */
        public static Optional<Cause> of(String reason) {
            if (reason == null) {
                return Optional.empty();
            } else if (reason.equals(REPORTED)) {
                return Optional.of(REPORT);
            } else if (reason.equals(LEGAL_DUTY)) {
                return Optional.of(Cause.LEGAL_DUTY);
            } else if (reason.equals(MANAGER_INVOLVED)) {
                return Optional.of(Cause.MANAGER_INVOLVED);
            } else if (reason.equals(NEED_TO_KNOW)) {
                return Optional.of(Cause.NEED_TO_KNOW);
            } else if (reason.startsWith(NO_MANAGER_START) && reason.endsWith(NO_MANAGER_END)) {
                return Optional.of(NO_MANAGER);
            } else if (reason.contains(NOT_ACKNOWLEDGED_MIDDLE) && reason.endsWith(", when it was due.")) {
                return Optional.of(NOT_ACKNOWLEDGED);
            }
            return Optional.empty();
        }
    }

    /** The reason of a report whose school has no manager on record. */
    public static String noManager(String schoolId) {
        return NO_MANAGER_START + schoolId + NO_MANAGER_END;
    }

    /** The reason of a case that climbs because its holder did not acknowledge it by its deadline. */
    public static String notAcknowledged(Assignee holder, java.time.Instant dueAt) {
        return holder.describe() + NOT_ACKNOWLEDGED_MIDDLE + dueAt + ", when it was due.";
    }

    /**
     * The escalation of the case to its school's manager (SKOW B.2, Altena B.3), or to the board
     * instead: when the school has no manager on record, when the case's terms skip managers (the
     * legal duty, a chain that starts at the board), or when the manager is involved in the
     * discussion, as a person involved does not handle the case (the reason says so without
     * naming them), or when the case is need-to-know and the board did not add the manager to it
     * ({@link NeedToKnow}).
     *
     * @param schoolManager the school's manager, or null when it has none on record
     */
    public static IncidentEscalated toManager(CaseProgress progress, PersonId schoolManager, String reason) {
        boolean involved = schoolManager != null && !CasePolicies.mayHold(schoolManager, progress);
        boolean notToldOf = schoolManager != null && progress.needToKnow()
                && !progress.isNeedToKnowReader(schoolManager);
        if (schoolManager != null && !involved && !notToldOf && !progress.skipsManager()) {
            return new IncidentEscalated(progress.incidentId(), Assignee.manager(schoolManager), reason);
        }
        String why = progress.legalDuty() ? LEGAL_DUTY : involved ? MANAGER_INVOLVED : notToldOf ? NEED_TO_KNOW : reason;
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
