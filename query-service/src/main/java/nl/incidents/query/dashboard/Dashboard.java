package nl.incidents.query.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;

/**
 * The board's dashboard (overzicht) at {@code at}: the open cases ({@code openCases}) counted by status, by the stage
 * of their discussion, by school and by severity (each list in a fixed order: the enum's, or the school ids'; a
 * value without cases is left out); the open steps by step, with how many are past their deadline; the cases that
 * need the board's attention ({@code attention}: the open cases under the legal duty of art. 4a WOT first, then
 * those with a step past its deadline, the longest overdue first; at most {@value #ATTENTION_LIMIT}, of
 * {@code attentionTotal}); and how long the steps took ({@code stepTimes}).
 */
public record Dashboard(
        Instant at,
        long openCases,
        List<Count> byStatus,
        List<Count> byStage,
        List<Count> bySchool,
        List<Count> bySeverity,
        List<StepCount> bySteps,
        long attentionTotal,
        List<AttentionCase> attention,
        List<StepTime> stepTimes) {

    public static final int ATTENTION_LIMIT = 100;

    public Dashboard {
        byStatus = List.copyOf(byStatus);
        byStage = List.copyOf(byStage);
        bySchool = List.copyOf(bySchool);
        bySeverity = List.copyOf(bySeverity);
        bySteps = List.copyOf(bySteps);
        attention = List.copyOf(attention);
        stepTimes = List.copyOf(stepTimes);
    }

    /** How many open cases have this value ({@code key}: a status, stage, school id or severity by its name). */
    public record Count(String key, long cases) {
    }

    /** How many open cases have this step open, and of those how many are past the step's deadline. */
    public record StepCount(Step step, long open, long overdue) {
    }

    /**
     * An open case the board should look at: whether the legal duty applies, its open steps past their deadline
     * (each with the deadline it missed; a step the board is reminded of keeps the first one), and the step due next.
     */
    public record AttentionCase(
            IncidentId incidentId,
            String schoolId,
            IncidentStatus status,
            Severity severity,
            Stage stage,
            Assignee assignee,
            Instant reportedAt,
            boolean legalDuty,
            List<OverdueStep> overdueSteps,
            Step nextStep,
            Instant nextDueAt) {

        public AttentionCase {
            overdueSteps = List.copyOf(overdueSteps);
        }
    }

    /** A step past its deadline, and that deadline. */
    public record OverdueStep(Step step, Instant deadline) {
    }

    /** Which stretch of time a figure covers, in Dutch time, up to the dashboard's moment. */
    public enum Period {
        /** From the first day of this calendar month. */
        THIS_MONTH,
        /** From the first day of the calendar month eleven months ago: this month and the eleven before it. */
        LAST_TWELVE_MONTHS
    }

    /** What a figure measures. */
    public enum Measure {
        /** From the escalation to a level (the moment the acknowledgement became due) to that level's acknowledgement. */
        ACKNOWLEDGEMENT,
        /** From the report to the notification of the communications department. */
        COMMUNICATIONS_NOTIFIED
    }

    /**
     * How long a step took in the steps taken in the period: {@code cases} taken, their median and their 90th
     * percentile (nearest rank; both absent when none was taken). {@code level}: for an acknowledgement the level that
     * acknowledged (manager, board), else absent; {@code severity}: the cases of one severity, or absent for all.
     */
    public record StepTime(Measure measure, EscalationLevel level, Severity severity, Period period, int cases,
                           Duration median, Duration percentile90) {
    }
}
