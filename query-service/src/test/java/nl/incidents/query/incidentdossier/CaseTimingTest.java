package nl.incidents.query.incidentdossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.incident.Timing;
import nl.incidents.kernel.protocol.OpenStep;
import nl.incidents.kernel.timeline.TimelineCode;
import org.junit.jupiter.api.Test;

/** The sentences a case's timing gives its timeline, as a person reads them. */
class CaseTimingTest {

    private final IncidentId id = IncidentId.random();
    private final CaseTiming timing = new CaseTiming();

    @Test
    void theTermsSayHowTimeIsCountedInWholeHoursAndMinutes() {
        Duration hour = Duration.ofHours(1);
        Line recorded = timing.recorded(new EscalationPolicyRecorded(id,
                new Timing(hour, Duration.ofMinutes(90), Duration.ofMinutes(30), Duration.ofHours(4), hour),
                ClockMode.AROUND_THE_CLOCK, Region.SOUTH, List.of(EscalationLevel.BOARD), true));

        assertThat(recorded.code()).isEqualTo(TimelineCode.TERMS_RECORDED);
        assertThat(recorded.params()).containsExactly(entry("clock", "AROUND_THE_CLOCK"), entry("region", "SOUTH"),
                entry("legalDuty", "true"));
        assertThat(recorded.text()).isEqualTo("Escalation terms recorded by the system: around the clock (evenings, weekends and"
                + " holidays count); levels: the board; acknowledgement within 1 hour, notification of the communications"
                + " department within 1 hour 30 minutes, decision on a police report within 30 minutes, consultation of the"
                + " national confidential inspector within 4 hours; the board is reminded of an overdue step every 1 hour;"
                + " legal duty (art. 4a WOT): yes");
        assertThat(timing.terms().legalDuty()).isTrue();
        assertThat(timing.terms().text()).startsWith("Around the clock");
    }

    @Test
    void remindersCountInEnglishOrdinals() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 111).stream()
                .map(n -> timing.reminded(new BoardReminded(id, Step.POLICE_DECISION, n)).text()).toList())
                .extracting(line -> line.substring("Board reminded by the system (".length(), line.indexOf(" time)")))
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "111th");
    }

    @Test
    void aDeadlineNamesWhoMustActAndALateStepWhoHeldIt() {
        Instant due = Instant.parse("2026-10-25T00:30:00Z"); // the night summer time ends: 02:30 CEST
        Assignee manager = Assignee.manager(new PersonId("manager"));

        Line deadline = timing.deadline(new DeadlineSet(id, Step.ACKNOWLEDGE, due, 0),
                new OpenStep(Step.ACKNOWLEDGE, due, due, 0, null, manager));
        assertThat(deadline.text()).isEqualTo("Acknowledgement due by 2026-10-25 02:30 CEST (manager manager), set by the system");
        assertThat(deadline.code()).isEqualTo(TimelineCode.DEADLINE_SET);
        assertThat(deadline.params()).containsExactly(entry("step", "ACKNOWLEDGE"), entry("dueAt", "2026-10-25T00:30:00Z"),
                entry("level", "MANAGER"), entry("personId", "manager"));
        assertThat(timing.deadline(new DeadlineSet(id, Step.POLICE_DECISION, due, 2),
                new OpenStep(Step.POLICE_DECISION, due, due, 2, due, null)).code()).isEqualTo(TimelineCode.REMINDER_SET);
        Line overdue = timing.overdue(new StepOverdue(id, Step.ACKNOWLEDGE, due, manager), due.plusSeconds(1));
        assertThat(overdue.code()).isEqualTo(TimelineCode.STEP_OVERDUE);
        assertThat(overdue.text()).isEqualTo("Acknowledgement overdue: it was due by 2026-10-25 02:30 CEST (manager manager); noticed by the system");
        assertThat(timing.lateSteps()).singleElement().satisfies(late -> {
            assertThat(late.assignee()).isEqualTo(manager);
            assertThat(late.noticedAt()).isEqualTo(due.plusSeconds(1));
        });
    }
}
