package nl.incidents.kernel.protocol;

import java.time.Instant;
import nl.incidents.kernel.time.TimePrecision;
import java.util.Objects;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.Step;

/**
 * A step of a case that must still be taken, and its deadline.
 *
 * @param step          the step
 * @param dueAt         when the step was due: its own deadline, set when it became due
 * @param nextDeadline  when the system acts on it next if it is still open: {@code dueAt}, and once
 *                      the board is reminded of it, the time of the next reminder
 * @param reminders     how many times the board was reminded of it (0 before it is overdue)
 * @param overdueSince  the due time the system found passed, or null while it is not overdue
 * @param assignee      for {@link Step#ACKNOWLEDGE}, who must acknowledge; null for the other steps
 */
public record OpenStep(Step step, Instant dueAt, Instant nextDeadline, int reminders, Instant overdueSince,
                       Assignee assignee) {

    public OpenStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(nextDeadline, "nextDeadline");
    }

    /**
     * Whether a deadline that passed at {@code at} is this step's current one, so the system acts on
     * it; a deadline replaced or already acted on is not.
     */
    public boolean hasDeadlineAt(Instant at) {
        return TimePrecision.same(nextDeadline, at);
    }

    /** Whether the system found this step overdue. */
    public boolean overdue() {
        return overdueSince != null;
    }
}
