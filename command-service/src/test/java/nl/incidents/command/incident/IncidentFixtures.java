package nl.incidents.command.incident;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import nl.incidents.command.messaging.ActorParameterResolverFactory;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.calendar.SchoolCalendar;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.directory.School;
import nl.incidents.kernel.escalation.EscalationPolicy;
import nl.incidents.kernel.escalation.EscalationRules;
import nl.incidents.kernel.incident.AcknowledgeEscalation;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.AgreeResponseStrategy;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.AttachEvidence;
import nl.incidents.kernel.incident.CloseIncident;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DeclinePoliceReport;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EraseCase;
import nl.incidents.kernel.incident.ErasePersonFromCase;
import nl.incidents.kernel.incident.EscalateToManager;
import nl.incidents.kernel.incident.EscalateToNextLevel;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.FileWithPolice;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.ImposeMeasure;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.LegalHoldPlaced;
import nl.incidents.kernel.incident.LiftLegalHold;
import nl.incidents.kernel.incident.MarkStepOverdue;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.NotifyCommunicationsDepartment;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.PlaceLegalHold;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.RecordCorrespondence;
import nl.incidents.kernel.incident.RecordPoliceReportOutcome;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.ReportToConfidentialInspector;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The cast and the story so far, shared by the {@link Incident} tests: who acts, who is involved,
 * and the events that bring a case to each point of the protocol. Each {@code *History()} method
 * answers the given events for a case in that state, so a test reads as given / when / then.
 */
final class IncidentFixtures {

    static final IncidentId INCIDENT = IncidentId.of("5b0c8f5e-3d1a-4c8e-9a57-0d8f6a2b1c11");
    static final String SCHOOL = "brin-12AB";
    static final String OTHER_SCHOOL = "brin-34CD";

    // The people who act on the case.
    static final Actor REPORTER = new Actor(new PersonId("emp-1001"), ActorRole.STAFF);
    static final Actor OTHER_TEACHER = new Actor(new PersonId("emp-1003"), ActorRole.STAFF);
    /** A teacher at another school of the board. */
    static final Actor TEACHER_ELSEWHERE = new Actor(new PersonId("emp-5003"), ActorRole.STAFF);
    static final Actor MANAGER = new Actor(new PersonId("emp-2001"), ActorRole.MANAGER);
    /** The manager of another school of the board. */
    static final Actor OTHER_MANAGER = new Actor(new PersonId("emp-2002"), ActorRole.MANAGER);
    static final Actor COMMUNICATIONS = new Actor(new PersonId("emp-3001"), ActorRole.COMMUNICATIONS);
    static final Actor BOARD = new Actor(new PersonId("emp-4001"), ActorRole.BOARD);
    static final Actor OTHER_BOARD_MEMBER = new Actor(new PersonId("emp-4002"), ActorRole.BOARD);
    static final Actor SYSTEM = Actor.SYSTEM;

    // The people the discussion is about.
    static final PersonId PUPIL = new PersonId("llnr-77001");
    static final PersonId PARENT = new PersonId("ouder-77001");
    static final PersonId STAFF_MEMBER = new PersonId("emp-1002");
    static final PersonId OUTSIDER = new PersonId("ext-0042");
    static final PersonId NOT_INVOLVED = new PersonId("llnr-99999");

    static final List<InvolvedParty> PARTIES = List.of(
            new InvolvedParty(PUPIL, PartyRole.PUPIL, Part.AUTHOR),
            new InvolvedParty(PARENT, PartyRole.PARENT, Part.AUTHOR),
            new InvolvedParty(STAFF_MEMBER, PartyRole.STAFF, Part.TARGET),
            new InvolvedParty(OUTSIDER, PartyRole.OUTSIDER, Part.BYSTANDER));

    static final String ESCALATION_REASON = "Reported: the manager hears of it at once.";

    /** The board of the story: the case's school in the middle region, and another school with its own people. */
    static final OrganisationDirectory DIRECTORY = new OrganisationDirectory("Stichting Voorbeeld",
            List.of(new School(SCHOOL, "De Voorbeeldschool", Region.MIDDLE),
                    new School(OTHER_SCHOOL, "De Andere School", Region.SOUTH)),
            List.of(member(REPORTER, SCHOOL), member(MANAGER, SCHOOL), member(OTHER_TEACHER, SCHOOL), member(TEACHER_ELSEWHERE, OTHER_SCHOOL),
                    member(OTHER_MANAGER, OTHER_SCHOOL), member(COMMUNICATIONS), member(BOARD),
                    member(OTHER_BOARD_MEMBER)));
    static final EscalationRules RULES = new EscalationRules(EscalationPolicy.defaults(), SchoolCalendar.standard(),
            DIRECTORY);
    /** When the given events of a history set their deadlines. */
    static final Instant HISTORY_TIME = Instant.parse("2026-11-23T08:00:00Z");

    private IncidentFixtures() {
    }

    private static Member member(Actor actor, String... schools) {
        return new Member(actor.id(), actor.id().value(), actor.id() + "@example.org", actor.role(), Set.of(schools));
    }

    static AggregateTestFixture<Incident> fixture() {
        AggregateTestFixture<Incident> fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerParameterResolverFactory(new ActorParameterResolverFactory());
        fixture.registerInjectableResource(RULES);
        fixture.registerInjectableResource(DIRECTORY);
        return fixture;
    }

    static Map<String, String> as(Actor actor) {
        return actor.asMetaData();
    }

    // --- commands and events of the story -------------------------------------------------------

    static ReportDerailingDiscussion report() {
        return report(Set.of(Harm.INSULTING, Harm.THREATENING), PARTIES);
    }

    static ReportDerailingDiscussion report(Set<Harm> harms, List<InvolvedParty> parties) {
        return new ReportDerailingDiscussion(INCIDENT, SCHOOL, Platform.FACEBOOK,
                "https://www.facebook.com/groups/ouders-12AB/posts/981", "Parents call a teacher names under a post "
                        + "about the school trip; a pupil threatens to 'get' her.",
                Stage.DERAILED, harms, Severity.HIGH, parties, Instant.parse("2025-03-10T19:45:00Z"));
    }

    static DerailingDiscussionReported reported() {
        return report().toEvent(REPORTER.id());
    }

    /** The policy's terms for the story's report (HIGH: school time, manager then board). */
    static EscalationPolicyRecorded terms() {
        return RULES.termsFor(reported());
    }

    /** The deadline a step gets when it becomes due at {@code from}, under the story's terms. */
    static DeadlineSet deadline(Step step, Instant from) {
        return new DeadlineSet(INCIDENT, step, RULES.due(terms(), step, from), 0);
    }

    /** The events a report records: itself, the policy's terms, and the deadlines of its steps. */
    static List<Object> reportEvents(DerailingDiscussionReported reported, Instant now) {
        EscalationPolicyRecorded terms = RULES.termsFor(reported);
        List<Object> events = new ArrayList<>(List.of(reported, terms,
                new DeadlineSet(INCIDENT, Step.NOTIFY_COMMUNICATIONS, RULES.due(terms, Step.NOTIFY_COMMUNICATIONS, now), 0)));
        if (reported.harms().stream().anyMatch(Harm::possiblyCriminal)) {
            events.add(new DeadlineSet(INCIDENT, Step.POLICE_DECISION, RULES.due(terms, Step.POLICE_DECISION, now), 0));
        }
        if (terms.legalDuty()) {
            events.add(new DeadlineSet(INCIDENT, Step.INSPECTOR_CONSULTATION,
                    RULES.due(terms, Step.INSPECTOR_CONSULTATION, now), 0));
        }
        return events;
    }

    /**
     * What a new report records: {@link #reportEvents}, then, in the same unit of work, its escalation by the system
     * and the assignee's deadline to acknowledge.
     */
    static List<Object> newReportEvents(DerailingDiscussionReported reported, Instant now, IncidentEscalated escalated) {
        List<Object> events = new ArrayList<>(reportEvents(reported, now));
        events.add(escalated);
        events.add(new DeadlineSet(INCIDENT, Step.ACKNOWLEDGE, RULES.due(RULES.termsFor(reported), Step.ACKNOWLEDGE, now), 0));
        return events;
    }

    /** What a new report of the story's school records: escalated to its manager. */
    static List<Object> newReportEvents(DerailingDiscussionReported reported, Instant now) {
        return newReportEvents(reported, now, escalatedTo(MANAGER));
    }

    /** An escalation, and the acknowledgement deadline it sets at {@code now}. */
    static Object[] escalation(IncidentEscalated escalated, Instant now) {
        return new Object[] {escalated, deadline(Step.ACKNOWLEDGE, now)};
    }

    static IncidentEscalated escalatedTo(Actor manager) {
        return new IncidentEscalated(INCIDENT, Assignee.manager(manager.id()), ESCALATION_REASON);
    }

    static IncidentEscalated escalatedToBoard() {
        return new IncidentEscalated(INCIDENT, Assignee.board(), "The manager did not acknowledge in time.");
    }

    static EscalationAcknowledged acknowledgedBy(Actor manager) {
        return new EscalationAcknowledged(INCIDENT, Assignee.manager(manager.id()), "I take it from here.");
    }

    static EscalationAcknowledged acknowledgedByBoard() {
        return new EscalationAcknowledged(INCIDENT, Assignee.board(), "The board handles this case.");
    }

    static ResponseStrategyAgreed strategyAgreed() {
        return new ResponseStrategyAgreed(INCIDENT,
                Set.of(ResponseStrategy.NO_ONLINE_REACTION, ResponseStrategy.CONVERSATION_IN_PERSON),
                "No reaction online; the manager invites the parents for a talk.", REPORTER.id());
    }

    static CommunicationsDepartmentNotified communicationsNotified() {
        return new CommunicationsDepartmentNotified(INCIDENT, "Parents' Facebook group turns on a teacher.");
    }

    static IncidentClosed closed() {
        return new IncidentClosed(INCIDENT, "The parents apologised; the post was removed.");
    }

    // --- histories: the given events for a case at each point of the protocol -------------------

    /**
     * Reported by an earlier version, which left the escalation to the saga, and not yet escalated (its processor
     * was behind at the upgrade).
     */
    static List<Object> reportedHistory() {
        return reportEvents(reported(), HISTORY_TIME);
    }

    /** With the school's manager, who has not acknowledged it yet. */
    static List<Object> awaitingManagerHistory() {
        return followedBy(reportedHistory(), escalation(escalatedTo(MANAGER), HISTORY_TIME));
    }

    /** The manager acknowledged the case and handles it. */
    static List<Object> withManagerHistory() {
        return followedBy(awaitingManagerHistory(), acknowledgedBy(MANAGER));
    }

    /** Handed up to the board, which has not acknowledged it yet. */
    static List<Object> awaitingBoardHistory() {
        return followedBy(awaitingManagerHistory(), escalation(escalatedToBoard(), HISTORY_TIME));
    }

    /** The board acknowledged the case and handles it. */
    static List<Object> withBoardHistory() {
        return followedBy(awaitingBoardHistory(), acknowledgedByBoard());
    }

    /** The manager agreed a response strategy with the reporter. */
    static List<Object> strategyAgreedHistory() {
        return followedBy(withManagerHistory(), strategyAgreed());
    }

    /** The case is closed. */
    static List<Object> closedHistory() {
        return followedBy(strategyAgreedHistory(), closed());
    }

    /** Closed after a police report was filed, with the board's legal hold in force. */
    static List<Object> keptHistory() {
        return followedBy(strategyAgreedHistory(), new FiledWithPolice(INCIDENT, "Threat (art. 285 Sr)", "PL-1"),
                closed(), new LegalHoldPlaced(INCIDENT, "The parents announced a claim."));
    }

    static List<Object> followedBy(List<Object> history, Object... events) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(List.of(events));
        return List.copyOf(all);
    }

    // --- every command -------------------------------------------------------------------------

    /**
     * Every command the aggregate handles, each sent by the actor most entitled to it, so that only
     * the state of the case can be the reason to refuse it. The report differs from {@link #report()}.
     */
    static Stream<Arguments> everyCommand() {
        return Stream.concat(
                Stream.of(command(report(Set.of(Harm.BULLYING), PARTIES), REPORTER)),
                everyFollowUpCommand());
    }

    /** Every command but the report: each acts on a case that must exist. */
    static Stream<Arguments> everyFollowUpCommand() {
        return Stream.of(
                command(new EscalateToManager(INCIDENT, OTHER_MANAGER.id(), "Sent to the deputy manager."), BOARD),
                command(new EscalateToNextLevel(INCIDENT, "Not acknowledged in time."), BOARD),
                command(new AcknowledgeEscalation(INCIDENT, "Seen."), MANAGER),
                command(new AgreeResponseStrategy(INCIDENT, Set.of(ResponseStrategy.NO_ONLINE_REACTION), "Quiet."),
                        MANAGER),
                command(new NotifyCommunicationsDepartment(INCIDENT, "FYI"), BOARD),
                command(new FileWithPolice(INCIDENT, "Threat (art. 285 Sr)", null), BOARD),
                command(new DeclinePoliceReport(INCIDENT, "No offence after all."), BOARD),
                command(new ReportToConfidentialInspector(INCIDENT, STAFF_MEMBER, "Abusive answers.", null), BOARD),
                command(new ImposeMeasure(INCIDENT, PUPIL, Measure.WARNING, "Threatened a teacher."), MANAGER),
                command(new RecordCorrespondence(INCIDENT, PUPIL, "Letter to the parents."), MANAGER),
                command(new CloseIncident(INCIDENT, "Closed."), BOARD));
    }

    /**
     * The board's commands that keep a case (legal hold, the police report's outcome) or erase it (a person, the
     * whole case): allowed on a closed case too, each sent by the board; the first three on a case where their state
     * allows them ({@link #keptHistory()}), which holds the erasures back.
     */
    static Stream<Arguments> keepingCommands() {
        return Stream.of(
                command(new PlaceLegalHold(INCIDENT, "The parents announced a claim."), BOARD),
                command(new LiftLegalHold(INCIDENT, "The claim was withdrawn."), BOARD),
                command(new RecordPoliceReportOutcome(INCIDENT, "Dismissed by the prosecutor."), BOARD),
                command(new ErasePersonFromCase(INCIDENT, PUPIL, "AVG-2026-014", ErasureGround.OBJECTION,
                        ErasureRequester.DATA_SUBJECT), BOARD),
                command(new EraseCase(INCIDENT, "AVG-2026-015", ErasureGround.NO_LONGER_NEEDED,
                        ErasureRequester.BOARD), BOARD));
    }

    /**
     * Attaching evidence: the reporter may, so it is not among the commands an outsider is refused on a closed case;
     * {@code IncidentEvidenceTest} covers who may and when.
     */
    static Stream<Arguments> evidenceCommands() {
        return Stream.of(command(new AttachEvidence(INCIDENT, java.util.UUID.fromString("0e6f3c1a-8b2d-4f5e-9a6b-7c8d9e0f1a2b"),
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", HISTORY_TIME, 4_096, "image/png",
                "screenshot.png", null), REPORTER));
    }

    /**
     * The board's commands about who needs to know: allowed on a closed case too, each sent by the board, on a closed
     * case the board marked need-to-know and added {@link #OTHER_MANAGER} to (the first is refused there as marked
     * already).
     */
    static Stream<Arguments> needToKnowCommands() {
        return Stream.of(
                command(new nl.incidents.kernel.incident.RestrictToNeedToKnow(INCIDENT, "Keep the circle small."), BOARD),
                command(new nl.incidents.kernel.incident.LiftNeedToKnow(INCIDENT, "The matter is public now."), BOARD),
                command(new nl.incidents.kernel.incident.AddNeedToKnowReader(INCIDENT, MANAGER.id()), BOARD),
                command(new nl.incidents.kernel.incident.RemoveNeedToKnowReader(INCIDENT, OTHER_MANAGER.id()), BOARD));
    }

    /** The command the system's deadlines send: it acts on a step only while that step is still due. */
    static Stream<Arguments> deadlineCommands() {
        return Stream.of(command(new MarkStepOverdue(INCIDENT, Step.NOTIFY_COMMUNICATIONS, HISTORY_TIME), SYSTEM));
    }

    private static Arguments command(Object command, Actor actor) {
        return Arguments.of(Named.of(command.getClass().getSimpleName(), command), actor);
    }

    // --- refusals -------------------------------------------------------------------------------

    /** A refusal of this kind, without a field at fault. */
    static Matcher<RequestRefused> refused(RequestRefused.Kind kind) {
        return refusal(kind, null);
    }

    /** An INVALID refusal that names this field. */
    static Matcher<RequestRefused> invalid(String field) {
        return refusal(RequestRefused.Kind.INVALID, Objects.requireNonNull(field));
    }

    static Matcher<RequestRefused> forbidden() {
        return refused(RequestRefused.Kind.FORBIDDEN);
    }

    static Matcher<RequestRefused> conflict() {
        return refused(RequestRefused.Kind.CONFLICT);
    }

    /** A refusal of this kind that carries this stable code (the one the pages say it by). */
    static Matcher<RequestRefused> code(Matcher<RequestRefused> kind, String code) {
        return allOf(kind, new FeatureMatcher<RequestRefused, String>(is(code), "with code", "code") {
            @Override
            protected String featureValueOf(RequestRefused refusal) {
                return refusal.code();
            }
        });
    }

    private static Matcher<RequestRefused> refusal(RequestRefused.Kind kind, String field) {
        return new TypeSafeDiagnosingMatcher<>(RequestRefused.class) {
            @Override
            protected boolean matchesSafely(RequestRefused refusal, Description mismatch) {
                boolean matches = refusal.kind() == kind && Objects.equals(refusal.field(), field)
                        && refusal.getMessage() != null && !refusal.getMessage().isBlank();
                if (!matches) {
                    mismatch.appendText("was refused as ").appendValue(refusal.kind())
                            .appendText(" on field ").appendValue(refusal.field())
                            .appendText(": ").appendValue(refusal.getMessage());
                }
                return matches;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RequestRefused of kind ").appendValue(kind);
                description.appendText(field == null ? " naming no field" : " on field ");
                if (field != null) {
                    description.appendValue(field);
                }
                description.appendText(", with a reason");
            }
        };
    }
}
