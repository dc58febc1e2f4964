package nl.incidents.command.escalation;

import java.time.Instant;
import nl.incidents.kernel.incident.Step;

/** The payload of a scheduled deadline: which step of the case falls due, and when it was due. */
record StepDeadline(Step step, Instant dueAt) {
}
