package nl.incidents.command.incident;

import static nl.incidents.command.incident.IncidentFixtures.reportEvents;
import static nl.incidents.command.incident.IncidentFixtures.INCIDENT;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_TEACHER;
import static nl.incidents.command.incident.IncidentFixtures.PARTIES;
import static nl.incidents.command.incident.IncidentFixtures.PUPIL;
import static nl.incidents.command.incident.IncidentFixtures.REPORTER;
import static nl.incidents.command.incident.IncidentFixtures.as;
import static nl.incidents.command.incident.IncidentFixtures.awaitingManagerHistory;
import static nl.incidents.command.incident.IncidentFixtures.conflict;
import static nl.incidents.command.incident.IncidentFixtures.fixture;
import static nl.incidents.command.incident.IncidentFixtures.invalid;
import static nl.incidents.command.incident.IncidentFixtures.report;
import static nl.incidents.command.incident.IncidentFixtures.reportedHistory;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A staff member reports a derailing discussion; the same report sent twice makes one incident. */
class IncidentReportingTest {

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    @DisplayName("a new report is recorded with the actor as reporter")
    void newReportIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(report(), as(REPORTER))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(reportEvents(new DerailingDiscussionReported(INCIDENT, "brin-12AB", Platform.FACEBOOK,
                        "https://www.facebook.com/groups/ouders-12AB/posts/981", report().summary(), Stage.DERAILED,
                        Set.of(Harm.INSULTING, Harm.THREATENING), Severity.HIGH, PARTIES,
                        Instant.parse("2025-03-10T19:45:00Z"), REPORTER.id()), fixture.currentTime()).toArray());
    }

    @Test
    @DisplayName("whoever sends the report is its reporter")
    void theActorIsTheReporter() {
        fixture.givenNoPriorActivity()
                .when(report(), as(OTHER_TEACHER))
                .expectEvents(reportEvents(report().toEvent(OTHER_TEACHER.id()), fixture.currentTime()).toArray());
    }

    @Test
    @DisplayName("a report without involved parties is accepted")
    void reportWithoutPartiesIsAccepted() {
        ReportDerailingDiscussion anonymous = report(Set.of(Harm.DEFAMING), List.of());
        fixture.givenNoPriorActivity()
                .when(anonymous, as(REPORTER))
                .expectResultMessagePayload(true)
                .expectEvents(reportEvents(anonymous.toEvent(REPORTER.id()), fixture.currentTime()).toArray());
    }

    @Test
    @DisplayName("the same report sent again stores nothing and answers false")
    void sameReportAgainIsIgnored() {
        fixture.given(reportedHistory())
                .when(report(), as(REPORTER))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    @DisplayName("the same report sent again after escalation still stores nothing")
    void sameReportAgainAfterEscalationIsIgnored() {
        fixture.given(awaitingManagerHistory())
                .when(report(), as(REPORTER))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    @DisplayName("another report under an id already used is a conflict")
    void otherContentUnderSameIdIsConflict() {
        fixture.given(reportedHistory())
                .when(report(Set.of(Harm.BULLYING), PARTIES), as(REPORTER))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    @DisplayName("the same content sent under the same id by someone else is a conflict")
    void sameContentByOtherReporterIsConflict() {
        fixture.given(reportedHistory())
                .when(report(), as(OTHER_TEACHER))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    @DisplayName("a report must name at least one harm")
    void emptyHarmsAreInvalid() {
        fixture.givenNoPriorActivity()
                .when(report(Set.of(), PARTIES), as(REPORTER))
                .expectException(invalid("harms"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a person may be listed once among the involved parties")
    void duplicatePersonIsInvalid() {
        List<InvolvedParty> twice = List.of(
                new InvolvedParty(PUPIL, PartyRole.PUPIL, Part.AUTHOR),
                new InvolvedParty(PUPIL, PartyRole.PUPIL, Part.TARGET));
        fixture.givenNoPriorActivity()
                .when(report(Set.of(Harm.BULLYING), twice), as(REPORTER))
                .expectException(invalid("involvedParties"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a person listed twice in different roles is still listed twice")
    void duplicatePersonInOtherRoleIsInvalid() {
        List<InvolvedParty> twice = List.of(
                new InvolvedParty(PUPIL, PartyRole.PUPIL, Part.AUTHOR),
                new InvolvedParty(PUPIL, PartyRole.OUTSIDER, Part.BYSTANDER));
        fixture.givenNoPriorActivity()
                .when(report(Set.of(Harm.BULLYING), twice), as(REPORTER))
                .expectException(invalid("involvedParties"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a command without an actor in its metadata is not handled")
    void commandWithoutActorIsNotHandled() {
        fixture.givenNoPriorActivity()
                .when(report())
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
