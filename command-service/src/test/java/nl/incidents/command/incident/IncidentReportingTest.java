package nl.incidents.command.incident;

import static nl.incidents.command.incident.IncidentFixtures.newReportEvents;
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

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.protocol.Escalations;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
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
                .expectEvents(newReportEvents(new DerailingDiscussionReported(INCIDENT, "brin-12AB", Platform.FACEBOOK,
                        "https://www.facebook.com/groups/ouders-12AB/posts/981", report().summary(), Stage.DERAILED,
                        Set.of(Harm.INSULTING, Harm.THREATENING), Severity.HIGH, PARTIES,
                        Instant.parse("2025-03-10T19:45:00Z"), REPORTER.id()), fixture.currentTime()).toArray());
    }

    /**
     * As in the services, the actor of the command is copied onto every event it causes (a correlation data provider
     * of the actor's keys, as service-support's {@code actorProvider}); the escalation's own metadata is merged over
     * it (Axon's {@code GenericMessage}: the unit of work's correlation data, then the message's metadata), so the
     * history says the system escalated the case, for the report, and the reporter reported it.
     */
    @Test
    @DisplayName("the report is escalated at once, by the system for the report; the report itself is the reporter's")
    void theSystemEscalatesTheReport() {
        fixture.registerCommandHandlerInterceptor(new CorrelationDataInterceptor<>(
                new SimpleCorrelationDataProvider(Actor.ID_KEY, Actor.ROLE_KEY, Actor.CAUSE_KEY)));
        Matcher<Map<? extends String, ?>> byReporter = allOf(hasEntry(Actor.ID_KEY, (Object) REPORTER.id().value()),
                hasEntry(Actor.ROLE_KEY, (Object) "STAFF"), not(hasKey(Actor.CAUSE_KEY)));
        Matcher<Map<? extends String, ?>> bySystemForTheReport = allOf(hasEntry(Actor.ID_KEY, (Object) "system"),
                hasEntry(Actor.ROLE_KEY, (Object) "SYSTEM"), hasEntry(Actor.CAUSE_KEY, (Object) "report"));
        fixture.givenNoPriorActivity()
                .when(report(), as(REPORTER))
                .expectEventsMatching(exactSequenceOf(
                        event(DerailingDiscussionReported.class,
                                allOf(byReporter, hasEntry(Escalations.ESCALATED_ON_REPORT_KEY, (Object) "true"))),
                        event(EscalationPolicyRecorded.class, byReporter),
                        event(DeadlineSet.class, byReporter),
                        event(DeadlineSet.class, byReporter),
                        event(IncidentEscalated.class, bySystemForTheReport),
                        event(DeadlineSet.class, bySystemForTheReport),
                        andNoMore()));
    }

    private static Matcher<EventMessage<?>> event(Class<?> type, Matcher<Map<? extends String, ?>> metaData) {
        return allOf(messageWithPayload(instanceOf(type)), hasProperty("metaData", metaData));
    }

    @Test
    @DisplayName("whoever sends the report is its reporter")
    void theActorIsTheReporter() {
        fixture.givenNoPriorActivity()
                .when(report(), as(OTHER_TEACHER))
                .expectEvents(newReportEvents(report().toEvent(OTHER_TEACHER.id()), fixture.currentTime()).toArray());
    }

    @Test
    @DisplayName("a report without involved parties is accepted")
    void reportWithoutPartiesIsAccepted() {
        ReportDerailingDiscussion anonymous = report(Set.of(Harm.DEFAMING), List.of());
        fixture.givenNoPriorActivity()
                .when(anonymous, as(REPORTER))
                .expectResultMessagePayload(true)
                .expectEvents(newReportEvents(anonymous.toEvent(REPORTER.id()), fixture.currentTime()).toArray());
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
