package nl.incidents.kernel.incident;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each step of a case may take, counted from the moment the step becomes due (the
 * escalation for an acknowledgement, the report for the others), and how often the board is
 * reminded once a step at the top of the chain is overdue.
 */
public record Timing(
        Duration acknowledge,
        Duration notifyCommunications,
        Duration policeDecision,
        Duration inspectorConsultation,
        Duration reminderInterval) {

    public Timing {
        positive(acknowledge, "acknowledge");
        positive(notifyCommunications, "notifyCommunications");
        positive(policeDecision, "policeDecision");
        positive(inspectorConsultation, "inspectorConsultation");
        positive(reminderInterval, "reminderInterval");
    }

    /** The time allowed for a step. */
    public Duration allowedFor(Step step) {
        return switch (step) {
            case ACKNOWLEDGE -> acknowledge;
            case NOTIFY_COMMUNICATIONS -> notifyCommunications;
            case POLICE_DECISION -> policeDecision;
            case INSPECTOR_CONSULTATION -> inspectorConsultation;
        };
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + duration);
        }
    }
}
