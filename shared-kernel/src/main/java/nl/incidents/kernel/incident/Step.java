package nl.incidents.kernel.incident;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A step of the protocol that must be taken before a deadline. The event that takes each step is
 * named here once, so the aggregate, the saga and the projections agree on when a step is done.
 */
public enum Step {
    /** The assignee (manager, then board) acknowledges the escalated case. */
    ACKNOWLEDGE("acknowledgement", "acknowledge the case"),
    /** The communications department hears of the case. */
    NOTIFY_COMMUNICATIONS("notification of the communications department", "inform the communications department"),
    /** The board decides whether to file with the police, for harms that may be criminal. */
    POLICE_DECISION("decision on a police report", "decide on a police report"),
    /** The board consults the national confidential inspector (the legal duty of art. 4a WOT). */
    INSPECTOR_CONSULTATION("consultation of the national confidential inspector",
            "consult the national confidential inspector");

    private final String description;
    private final String task;

    Step(String description, String task) {
        this.description = description;
        this.task = task;
    }

    /** The step as a noun, in lower case: "acknowledgement", "decision on a police report". */
    public String description() {
        return description;
    }

    /** The step as what someone must do, in lower case: "acknowledge the case". */
    public String task() {
        return task;
    }

    /**
     * The steps a report makes due at once: informing the communications department always (OOG),
     * the police decision for harms that may be criminal (SKOW, Altena), and the consultation of the
     * confidential inspector under the legal duty. The acknowledgement becomes due with each escalation.
     */
    public static Set<Step> dueOnReport(DerailingDiscussionReported report, boolean legalDuty) {
        EnumSet<Step> due = EnumSet.of(NOTIFY_COMMUNICATIONS);
        if (report.harms().stream().anyMatch(Harm::possiblyCriminal)) {
            due.add(POLICE_DECISION);
        }
        if (legalDuty) {
            due.add(INSPECTOR_CONSULTATION);
        }
        return Collections.unmodifiableSet(due);
    }

    /** The step this event takes, if any. */
    public static Optional<Step> takenBy(IncidentEvent event) {
        if (event instanceof EscalationAcknowledged) {
            return Optional.of(ACKNOWLEDGE);
        } else if (event instanceof CommunicationsDepartmentNotified) {
            return Optional.of(NOTIFY_COMMUNICATIONS);
        } else if (event instanceof FiledWithPolice || event instanceof PoliceReportDeclined) {
            return Optional.of(POLICE_DECISION);
        } else if (event instanceof ReportedToConfidentialInspector) {
            return Optional.of(INSPECTOR_CONSULTATION);
        }
        return Optional.empty();
    }
}
