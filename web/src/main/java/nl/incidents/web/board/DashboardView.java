package nl.incidents.web.board;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The query service's board dashboard ({@code GET /api/dashboard}) as the page reads it: the open cases counted by
 * status, stage, school and severity ({@link Count}: a value's name and its number of cases), the open steps by step
 * with how many are past their deadline, the cases that need attention (legal duty first, then overdue; at most a
 * hundred of {@code attentionTotal}) and the step times (median and 90th percentile per measure, level, severity and
 * period; absent durations when no step was taken). Times carry the Dutch offset the service gives them.
 */
public record DashboardView(
        OffsetDateTime at,
        long openCases,
        List<Count> byStatus,
        List<Count> byStage,
        List<Count> bySchool,
        List<Count> bySeverity,
        List<StepCount> bySteps,
        long attentionTotal,
        List<AttentionCase> attention,
        List<StepTime> stepTimes) {

    public DashboardView {
        byStatus = byStatus == null ? List.of() : byStatus;
        byStage = byStage == null ? List.of() : byStage;
        bySchool = bySchool == null ? List.of() : bySchool;
        bySeverity = bySeverity == null ? List.of() : bySeverity;
        bySteps = bySteps == null ? List.of() : bySteps;
        attention = attention == null ? List.of() : attention;
        stepTimes = stepTimes == null ? List.of() : stepTimes;
    }

    /** How many open cases have this value (a status, stage, school id or severity by name). */
    public record Count(String key, long cases) {
    }

    /** How many open cases have this step open, and how many of those are past its deadline. */
    public record StepCount(String step, long open, long overdue) {
    }

    /** Who holds a case: {@code MANAGER} with the manager's id, or {@code BOARD}. */
    public record Assignee(String level, String personId) {
    }

    /** A step past its deadline, and that deadline. */
    public record OverdueStep(String step, OffsetDateTime deadline) {
    }

    /** An open case that needs the board's attention. */
    public record AttentionCase(String incidentId, String schoolId, String status, String severity, String stage,
                         Assignee assignee, OffsetDateTime reportedAt, boolean legalDuty, List<OverdueStep> overdueSteps,
                         String nextStep, OffsetDateTime nextDueAt) {

        public AttentionCase {
            overdueSteps = overdueSteps == null ? List.of() : overdueSteps;
        }
    }

    /** How long a step took: {@code measure} ACKNOWLEDGEMENT (by {@code level}) or COMMUNICATIONS_NOTIFIED. */
    public record StepTime(String measure, String level, String severity, String period, int cases, Duration median,
                    Duration percentile90) {
    }

    /** The figure of one measure, level (null: none), severity (null: all) and period, if the service gave it. */
    public StepTime stepTime(String measure, String level, String severity, String period) {
        return stepTimes.stream().filter(t -> t.measure().equals(measure) && java.util.Objects.equals(t.level(), level)
                        && java.util.Objects.equals(t.severity(), severity) && t.period().equals(period))
                .findFirst().orElse(null);
    }
}
