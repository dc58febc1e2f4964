package nl.incidents.kernel.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.calendar.SchoolCalendar;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.directory.School;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.Step;

/**
 * The policy in force, the school calendar and the schools' regions together: what a new case's
 * terms are, and when a step of a case falls due.
 */
public final class EscalationRules {

    private final EscalationPolicy policy;
    private final SchoolCalendar calendar;
    private final OrganisationDirectory directory;

    public EscalationRules(EscalationPolicy policy, SchoolCalendar calendar, OrganisationDirectory directory) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The terms of the policy in force, as they apply to this report. */
    public EscalationPolicyRecorded termsFor(DerailingDiscussionReported report) {
        School school = directory.school(report.schoolId()).orElseThrow(() -> RequestRefused.invalid("report.school.unknown", "schoolId",
                "There is no school '" + report.schoolId() + "' at this board."));
        return new EscalationPolicyRecorded(report.incidentId(), policy.timingFor(report.severity()),
                EscalationPolicy.clockFor(report.severity()), school.region(), policy.chain(),
                LegalDuty.applies(report.harms(), report.involvedParties()));
    }

    /** When a step that became due at {@code from} must be taken, under the case's terms. */
    public Instant due(EscalationPolicyRecorded terms, Step step, Instant from) {
        return after(terms, terms.timing().allowedFor(step), from);
    }

    /** When the board must be reminded again, once a step at the top of the chain is overdue. */
    public Instant nextReminder(EscalationPolicyRecorded terms, Instant from) {
        return after(terms, terms.timing().reminderInterval(), from);
    }

    private Instant after(EscalationPolicyRecorded terms, Duration amount, Instant from) {
        return switch (terms.clock()) {
            case AROUND_THE_CLOCK -> from.plus(amount);
            case SCHOOL_TIME -> calendar.addSchoolTime(from, amount, terms.region());
        };
    }
}
