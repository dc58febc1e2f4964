package nl.incidents.support.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.directory.School;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.CaseRestrictedToNeedToKnow;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.NeedToKnowLifted;
import nl.incidents.kernel.incident.NeedToKnowReaderAdded;
import nl.incidents.kernel.incident.NeedToKnowReaderRemoved;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonErased;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.incident.Timing;
import nl.incidents.kernel.notification.Notice;
import nl.incidents.kernel.notification.Notice.Kind;
import nl.incidents.kernel.notification.Notices;
import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notices from the progress kept in memory are those from reading the case's stream, event by event, however the
 * events come: in order, after a restart, again after a rollback, with a gap another instance handled, replayed, and
 * after an erasure shredded what the stream reads.
 */
class CaseNoticesTest {

    private static final PersonId MANAGER = new PersonId("e1000");
    private static final PersonId OTHER_MANAGER = new PersonId("e1001");
    private static final PersonId TEACHER = new PersonId("e1234");
    private static final PersonId PUPIL = new PersonId("pupil-4711");
    private static final Instant REPORTED = Instant.parse("2026-11-20T09:00:00Z");

    private final OrganisationDirectory directory = new OrganisationDirectory("Stichting Voorbeeld",
            List.of(new School("obs-de-esch", "OBS De Esch", Region.NORTH), new School("obs-de-linde", "OBS De Linde",
                    Region.NORTH)),
            List.of(new Member(TEACHER, "T. de Vries", "t@example.nl", ActorRole.STAFF, Set.of("obs-de-esch")),
                    new Member(MANAGER, "M. Jansen", "m@example.nl", ActorRole.MANAGER, Set.of("obs-de-esch")),
                    new Member(OTHER_MANAGER, "K. Bakker", "k@example.nl", ActorRole.MANAGER, Set.of("obs-de-linde")),
                    new Member(new PersonId("e0002"), "Communicatie", "c@example.nl", ActorRole.COMMUNICATIONS, Set.of()),
                    new Member(new PersonId("e0001"), "Bestuurder", "b1@example.nl", ActorRole.BOARD, Set.of()),
                    new Member(new PersonId("e0003"), "Lid CvB", "b2@example.nl", ActorRole.BOARD, Set.of())));
    private final Notices notices = new Notices(directory, "https://incidents.example.nl/");
    private final IncidentId id = IncidentId.random();
    private final EventStore store = mock(EventStore.class);
    /** The case's events as the store reads them now (an erasure rewrites what they read). */
    private final List<IncidentEvent> stored = new ArrayList<>();
    private int reads;

    @BeforeEach
    void theStoreReadsTheCaseAsStoredNow() {
        when(store.readEvents(anyString(), anyLong())).thenAnswer(call -> {
            reads++;
            long first = call.getArgument(1);
            List<DomainEventMessage<?>> messages = new ArrayList<>();
            for (int sequence = (int) first; sequence < stored.size(); sequence++) {
                messages.add(new GenericDomainEventMessage<>("Incident", id.toString(), sequence, stored.get(sequence)));
            }
            return DomainEventStream.of(messages);
        });
        stored.addAll(wholeCase());
    }

    @Test
    void keptProgressGivesTheNoticesOfTheStreamForAWholeCaseWithoutReadingIt() {
        List<List<Notice>> expected = readingTheStream(0, stored.size());
        reads = 0;

        CaseNotices kept = kept();
        List<List<Notice>> told = handle(kept, 0, stored.size());

        assertThat(told).isEqualTo(expected);
        assertThat(reads).as("reads of the case's stream").isZero();
        assertThat(told.stream().flatMap(List::stream).map(Notice::kind)).contains(Kind.ESCALATION,
                Kind.ESCALATED_TO_BOARD, Kind.REMINDER, Kind.COMMUNICATIONS, Kind.COMMUNICATIONS_BY_SYSTEM,
                Kind.NEED_TO_KNOW_READER_ADDED);
    }

    @Test
    void afterARestartTheFirstEventReadsTheStreamAndTheRestFollowsOn() {
        List<List<Notice>> expected = readingTheStream(0, stored.size());
        int half = stored.size() / 2;

        List<List<Notice>> told = new ArrayList<>(handle(kept(), 0, half));
        reads = 0;
        told.addAll(handle(kept(), half, stored.size()));

        assertThat(told).isEqualTo(expected);
        assertThat(reads).as("reads after the restart").isEqualTo(1);
    }

    @Test
    void eventsHandledAgainAfterARollbackGiveTheSameNotices() {
        List<List<Notice>> expected = readingTheStream(0, stored.size());
        CaseNotices kept = kept();

        handle(kept, 0, 12); // a batch up to event 11 rolled back after event 8 was in it
        List<List<Notice>> told = new ArrayList<>(handle(kept, 0, 8));
        told.addAll(handle(kept, 8, stored.size()));

        assertThat(told).isEqualTo(expected);
    }

    @Test
    void eventsAnotherInstanceHandledAreReadFromTheStream() {
        List<List<Notice>> expected = readingTheStream(0, stored.size());
        CaseNotices kept = kept();

        handle(kept, 0, 5);
        handle(kept(), 5, 9); // another instance held the case's segment a while
        List<List<Notice>> told = handle(kept, 9, stored.size());

        assertThat(told).isEqualTo(expected.subList(9, stored.size()));
    }

    @Test
    void aReplayFromTheStartGivesTheSameNoticesAgain() {
        List<List<Notice>> expected = readingTheStream(0, stored.size());
        CaseNotices kept = kept();

        handle(kept, 0, stored.size());
        List<List<Notice>> again = handle(kept, 0, stored.size());

        assertThat(again).isEqualTo(expected);
    }

    @Test
    void anErasedManagerIsToldNothingMoreThoughTheirIdWasKept() {
        stored.clear();
        stored.addAll(List.of(reported(), terms(), deadline(Step.NOTIFY_COMMUNICATIONS, hours(2)),
                new IncidentEscalated(id, Assignee.manager(MANAGER), "reported"), deadline(Step.ACKNOWLEDGE, hours(1))));
        CaseNotices kept = kept();
        handle(kept, 0, stored.size());

        // The manager is erased from the case: their key goes, so every reference to them reads [verwijderd].
        stored.add(new PersonErased(id, MANAGER, "AVG-2026-014", ErasureGround.OBJECTION, ErasureRequester.DATA_SUBJECT));
        stored.replaceAll(erasing(MANAGER));
        stored.addAll(List.of(new StepOverdue(id, Step.ACKNOWLEDGE, hours(1), Assignee.manager(PersonId.ERASED)),
                new IncidentEscalated(id, Assignee.board(), "not acknowledged"), deadline(Step.ACKNOWLEDGE, hours(3))));
        List<List<Notice>> told = handle(kept, 5, stored.size());

        assertThat(told).isEqualTo(readingTheStream(5, stored.size()));
        assertThat(told.get(3)).extracting(Notice::recipient)
                .containsExactly(new PersonId("e0001"), new PersonId("e0003"));
    }

    @Test
    void aCaseForgottenOnAnErasureElsewhereIsReadAgain() {
        CaseNotices kept = kept();
        handle(kept, 0, 5);

        kept.forget(id);
        reads = 0;
        handle(kept, 5, 8);

        assertThat(reads).as("reads once forgotten").isEqualTo(1);
    }

    private CaseNotices kept() {
        return new CaseNotices(store, notices, 100, Duration.ofMinutes(1));
    }

    /** Each event's notices as they were before anything was kept: from the case's stream. */
    private List<List<Notice>> readingTheStream(int from, int to) {
        return handle(new CaseNotices(store, notices, 0, Duration.ZERO), from, to);
    }

    private List<List<Notice>> handle(CaseNotices caseNotices, int from, int to) {
        List<List<Notice>> told = new ArrayList<>();
        for (int sequence = from; sequence < to; sequence++) {
            told.add(caseNotices.of(stored.get(sequence), sequence));
        }
        return told;
    }

    private List<IncidentEvent> wholeCase() {
        return List.of(reported(), terms(), deadline(Step.NOTIFY_COMMUNICATIONS, hours(2)),
                new IncidentEscalated(id, Assignee.manager(MANAGER), "reported"), deadline(Step.ACKNOWLEDGE, hours(1)),
                new StepOverdue(id, Step.ACKNOWLEDGE, hours(1), Assignee.manager(MANAGER)),
                new IncidentEscalated(id, Assignee.board(), "not acknowledged"), deadline(Step.ACKNOWLEDGE, hours(3)),
                new StepOverdue(id, Step.NOTIFY_COMMUNICATIONS, hours(2), null),
                new CommunicationsDepartmentNotified(id, "informed by the system"),
                new StepOverdue(id, Step.ACKNOWLEDGE, hours(3), Assignee.board()),
                new BoardReminded(id, Step.ACKNOWLEDGE, 1), new DeadlineSet(id, Step.ACKNOWLEDGE, hours(4), 1),
                new BoardReminded(id, Step.ACKNOWLEDGE, 2),
                new EscalationAcknowledged(id, Assignee.board(), "on it"),
                new CaseRestrictedToNeedToKnow(id, "a colleague's private life"),
                new NeedToKnowReaderAdded(id, OTHER_MANAGER),
                new IncidentEscalated(id, Assignee.manager(OTHER_MANAGER), "back to the added manager"),
                deadline(Step.ACKNOWLEDGE, hours(5)),
                new NeedToKnowReaderRemoved(id, OTHER_MANAGER),
                new IncidentEscalated(id, Assignee.board(), "up again"), deadline(Step.ACKNOWLEDGE, hours(6)),
                new NeedToKnowLifted(id, "no longer needed"),
                new IncidentEscalated(id, Assignee.manager(MANAGER), "to the school's manager"),
                deadline(Step.ACKNOWLEDGE, hours(7)),
                new CommunicationsDepartmentNotified(id, "informed again"),
                new IncidentClosed(id, "resolved"));
    }

    private static UnaryOperator<IncidentEvent> erasing(PersonId person) {
        return event -> {
            if (event instanceof IncidentEscalated e && person.equals(e.assignee().personId())) {
                return new IncidentEscalated(e.incidentId(), Assignee.manager(PersonId.ERASED), e.reason());
            }
            if (event instanceof PersonErased e) {
                return new PersonErased(e.incidentId(), PersonId.ERASED, e.request(), e.ground(), e.requestedBy());
            }
            return event;
        };
    }

    private DerailingDiscussionReported reported() {
        return new DerailingDiscussionReported(id, "obs-de-esch", Platform.FACEBOOK, "https://example.nl/post/1",
                "Parent of Jan threatens Ms. de Vries", Stage.DERAILED, Set.of(Harm.THREATENING), Severity.HIGH,
                List.of(new InvolvedParty(PUPIL, PartyRole.PUPIL, Part.TARGET)), REPORTED, TEACHER);
    }

    private EscalationPolicyRecorded terms() {
        Duration hour = Duration.ofHours(1);
        return new EscalationPolicyRecorded(id, new Timing(hour, hour, hour, hour, hour), ClockMode.SCHOOL_TIME,
                Region.NORTH, List.of(EscalationLevel.MANAGER, EscalationLevel.BOARD), false);
    }

    private DeadlineSet deadline(Step step, Instant dueAt) {
        return new DeadlineSet(id, step, dueAt, 0);
    }

    private static Instant hours(int hours) {
        return REPORTED.plus(Duration.ofHours(hours));
    }
}
