package nl.incidents.kernel.notification;

import java.util.Objects;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;

/**
 * What one member of the board is told about a step of a case (bericht), by e-mail and in their inbox: the
 * recipient and the facts of the notice. Its words are not part of it: {@link NoticeTexts} writes them from the
 * facts in the reader's language (the board's for a mail, the reader's own in the inbox). The facts name the
 * case, its school, the step and its due time, and never who is involved or what happened.
 */
public record Notice(PersonId recipient, NoticeFacts facts) {

    public Notice {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(facts, "facts");
    }

    /** Why the recipient is told. */
    public Kind kind() {
        return facts.kind();
    }

    /** The case the notice is about. */
    public IncidentId incidentId() {
        return facts.incidentId();
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
        COMMUNICATIONS_BY_SYSTEM,
        /** The board added the recipient to those who may know of a need-to-know case. */
        NEED_TO_KNOW_READER_ADDED
    }
}
