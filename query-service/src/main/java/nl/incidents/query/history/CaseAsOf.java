package nl.incidents.query.history;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.protocol.OpenStep;
import nl.incidents.query.history.HistoryRepository.Occurred;

/**
 * Where a case stood at a moment, as the case list and the dashboard count it (de zaak zoals die er toen voor stond),
 * folded in memory from its events up to then by the kernel's {@link CaseProgress}: the fold the live rows are kept
 * by ({@code CaseSummaryProjection} takes its status from the same {@code IncidentStatus.after},
 * {@code DueStepProjection} its open steps from {@code CaseProgress.next}, {@code DashboardRows} the legal duty from
 * the same recorded terms), so a case a moment ago and the live case cannot follow different rules. What only the
 * rows keep is taken from the events the same way: the report's school, severity, stage and platform; when it was
 * reported and closed (the events' stored times); its late steps (each step and deadline found overdue, counted once,
 * as {@code incident_late_step} keeps them). {@code AsOfApiTest} holds the fold of all events equal to the live list
 * and dashboard.
 *
 * @param status     where the case stood (the kernel's {@link IncidentStatus})
 * @param assignee   who held it, or null before its first escalation
 * @param reportedAt when its report was stored
 * @param closedAt   when it was closed, or null while it was open
 * @param open       its open steps then, in the order of {@link Step}
 * @param lateSteps  how many steps had missed their deadline by then
 * @param legalDuty  whether the legal duty of art. 4a WOT applied (from its recorded terms)
 * @param needToKnow whether only those who needed to know might know of it then ({@link CaseProgress#needToKnow()})
 */
public record CaseAsOf(IncidentId incidentId, String schoolId, IncidentStatus status, Severity severity, Stage stage,
                       Platform platform, Assignee assignee, Instant reportedAt, Instant closedAt,
                       Map<Step, OpenStep> open, int lateSteps, boolean legalDuty, boolean needToKnow) {

    public CaseAsOf {
        open = Map.copyOf(open);
    }

    /**
     * The case after these events, all stored up to the moment, in the case's order; null when they hold no report
     * (nothing of the case was known then).
     */
    public static CaseAsOf of(IncidentId incident, List<Occurred> events) {
        CaseProgress progress = CaseProgress.of(incident);
        Instant reportedAt = null;
        Instant closedAt = null;
        Set<String> late = new HashSet<>();
        for (Occurred occurred : events) {
            boolean reportedBefore = progress.reported();
            progress = progress.next(occurred.event());
            if (!reportedBefore && progress.reported()) {
                reportedAt = occurred.at();
            }
            if (occurred.event() instanceof IncidentClosed) {
                closedAt = occurred.at();
            } else if (occurred.event() instanceof StepOverdue overdue) {
                late.add(overdue.step() + "@" + overdue.dueAt());
            }
        }
        if (!progress.reported()) {
            return null;
        }
        DerailingDiscussionReported report = progress.report();
        return new CaseAsOf(incident, report.schoolId(), progress.status(), report.severity(), report.stage(),
                report.platform(), progress.assignee(), reportedAt, closedAt, progress.open(), late.size(),
                progress.legalDuty(), progress.needToKnow());
    }

    /** The open step the system acted on next (the earliest next deadline, then in the order of {@link Step}), or null. */
    public OpenStep nextStep() {
        return open.values().stream().min(Comparator.comparing(OpenStep::nextDeadline).thenComparing(OpenStep::step))
                .orElse(null);
    }

    /** The earliest deadline of its open steps (a step the board was reminded of keeps the one it missed), or null. */
    public Instant firstDeadline() {
        return open.values().stream().map(OpenStep::dueAt).min(Instant::compareTo).orElse(null);
    }

    /**
     * The open steps whose own deadline had passed at {@code at}, the earliest first (then by the step's name, as the
     * live dashboard orders them in the database).
     */
    public List<OpenStep> overdueAt(Instant at) {
        return open.values().stream().filter(step -> !step.dueAt().isAfter(at))
                .sorted(Comparator.comparing(OpenStep::dueAt).thenComparing(step -> step.step().name())).toList();
    }
}
