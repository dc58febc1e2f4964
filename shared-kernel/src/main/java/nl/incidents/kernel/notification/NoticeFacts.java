package nl.incidents.kernel.notification;

import java.time.Instant;
import java.util.Objects;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.notification.Notice.Kind;

/**
 * The facts of one notice (de feiten van een bericht), from which {@link NoticeTexts} writes its subject and text in
 * any of the supported languages. Only what may leave the system by mail: the case's id, its school, the step and
 * its times; never a person involved or anything a person typed.
 *
 * @param kind                  why the recipient is told
 * @param incidentId            the case
 * @param schoolId              the case's school by the board's id; null when the case names none (a case reported
 *                              before schools were recorded)
 * @param schoolName            the school's name in the board's directory when the notice was written; null when the
 *                              directory did not know the school
 * @param level                 for an escalation: the level the case went to ({@code MANAGER} or {@code BOARD});
 *                              {@code BOARD} for {@link Kind#ESCALATED_TO_BOARD}; null for the other kinds
 * @param step                  the step the notice is about: to acknowledge for an escalation, the overdue step for a
 *                              reminder, informing the communications department for the communications kinds; null for
 *                              {@link Kind#NEED_TO_KNOW_READER_ADDED}, which is about no step
 * @param dueAt                 when that step is (or was) due; null for a case without deadlines
 * @param missedAcknowledgement for an escalation: the acknowledgement deadline the previous holder missed, which made
 *                              the case climb; null when none was missed
 * @param reminder              for a reminder: its number (1 for the first); 0 otherwise
 * @param legalDuty             whether the legal duty of art. 4a WOT (meldplicht) applies to the case
 * @param bySystem              for the communications kinds: whether the system took the step because it was overdue
 */
public record NoticeFacts(Kind kind, IncidentId incidentId, String schoolId, String schoolName, EscalationLevel level,
                          Step step, Instant dueAt, Instant missedAcknowledgement, int reminder, boolean legalDuty,
                          boolean bySystem) {

    public NoticeFacts {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(incidentId, "incidentId");
        if (kind != Kind.NEED_TO_KNOW_READER_ADDED) {
            Objects.requireNonNull(step, "step");
        }
        if (reminder < 0) {
            throw new IllegalArgumentException("a reminder's number is 1 or more, 0 for none: " + reminder);
        }
    }
}
