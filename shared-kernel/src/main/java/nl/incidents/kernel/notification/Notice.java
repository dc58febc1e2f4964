package nl.incidents.kernel.notification;

import java.util.Objects;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;

/**
 * What one member of the board is told about a step of a case, by e-mail and in their inbox. The
 * subject and text leave the system by mail, so they name the case, its school, the step and its
 * due time and link to the dossier, and never who is involved or what happened.
 */
public record Notice(PersonId recipient, Kind kind, IncidentId incidentId, String subject, String text) {

    public Notice {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    /** Why the recipient is told. */
    public enum Kind {
        /** The case was escalated to the recipient (a manager, or every board member) to acknowledge. */
        ESCALATION,
        /** The case's manager hears that the case went up to the board. */
        ESCALATED_TO_BOARD,
        /** The board is reminded of a step that is overdue. */
        REMINDER,
        /** The communications department is informed of the case. */
        COMMUNICATIONS,
        /** The case's manager hears that the system informed the communications department for them. */
        COMMUNICATIONS_BY_SYSTEM
    }
}
