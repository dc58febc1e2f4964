package nl.incidents.kernel.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.incidents.kernel.escalation.EscalationPolicy;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.LegalHoldLifted;
import nl.incidents.kernel.incident.LegalHoldPlaced;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonErased;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.PoliceReportConcluded;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event is stored as JSON by {@link IncidentsJson#messageMapper()} for as long as the event
 * store lives: each must carry a revision, so it can be upcast later, and read back as it was written.
 */
class IncidentEventJsonTest {

    private static final IncidentId INCIDENT = IncidentId.of("5b0c8f5e-3d1a-4c8e-9a57-0d8f6a2b1c11");
    private static final PersonId REPORTER = new PersonId("emp-1001");
    private static final PersonId STAFF_MEMBER = new PersonId("emp-1002");
    private static final PersonId MANAGER = new PersonId("emp-2001");
    private static final PersonId PUPIL = new PersonId("llnr-77001");
    private static final PersonId PARENT = new PersonId("ouder-77001");

    private final ObjectMapper mapper = IncidentsJson.messageMapper();

    /** A realistic sample of each event, as the aggregate would store it. */
    static Stream<IncidentEvent> samples() {
        return Stream.of(
                new DerailingDiscussionReported(INCIDENT, "brin-12AB", Platform.FACEBOOK,
                        "https://www.facebook.com/groups/ouders-12AB/posts/981",
                        "Parents call a teacher names under a post about the school trip.", Stage.DERAILED,
                        Set.of(Harm.INSULTING, Harm.THREATENING), Severity.HIGH,
                        List.of(new InvolvedParty(PARENT, PartyRole.PARENT, Part.AUTHOR),
                                new InvolvedParty(STAFF_MEMBER, PartyRole.STAFF, Part.TARGET)),
                        Instant.parse("2025-03-10T19:45:12.345Z"), REPORTER),
                new IncidentEscalated(INCIDENT, Assignee.manager(MANAGER), "Reported: the manager hears of it at once."),
                new EscalationAcknowledged(INCIDENT, Assignee.board(), "The board handles this case."),
                new ResponseStrategyAgreed(INCIDENT,
                        Set.of(ResponseStrategy.NO_ONLINE_REACTION, ResponseStrategy.CONVERSATION_IN_PERSON),
                        "No reaction online; the manager invites the parents for a talk.", REPORTER),
                new CommunicationsDepartmentNotified(INCIDENT, "Parents' Facebook group turns on a teacher."),
                new FiledWithPolice(INCIDENT, "Threat (art. 285 Sr)", "PL0900-2025031012345"),
                new ReportedToConfidentialInspector(INCIDENT, STAFF_MEMBER,
                        "The teacher answered the parents in abusive terms.", "LVI-2025-118"),
                new MeasureImposed(INCIDENT, PUPIL, PartyRole.PUPIL, Measure.SUSPENSION, "Threatened a teacher."),
                new CorrespondenceRecorded(INCIDENT, PARENT, PartyRole.PARENT, "Invitation for a conversation."),
                new IncidentClosed(INCIDENT, "The parents apologised; the post was removed."),
                new EscalationPolicyRecorded(INCIDENT, EscalationPolicy.defaults().timingFor(Severity.HIGH),
                        ClockMode.SCHOOL_TIME, Region.NORTH, List.of(EscalationLevel.MANAGER, EscalationLevel.BOARD), true),
                new DeadlineSet(INCIDENT, Step.ACKNOWLEDGE, Instant.parse("2025-03-11T09:30:00Z"), 2),
                new StepOverdue(INCIDENT, Step.ACKNOWLEDGE, Instant.parse("2025-03-11T09:30:00Z"), Assignee.manager(MANAGER)),
                new BoardReminded(INCIDENT, Step.POLICE_DECISION, 3),
                new PoliceReportDeclined(INCIDENT, "The inspector saw no reasonable suspicion."),
                new LegalHoldPlaced(INCIDENT, "The parents announced a claim; keep the case until it is settled."),
                new LegalHoldLifted(INCIDENT, "The claim was withdrawn."),
                new nl.incidents.kernel.incident.CaseRestrictedToNeedToKnow(INCIDENT, "A staff member's private life."),
                new nl.incidents.kernel.incident.NeedToKnowLifted(INCIDENT, "The matter is public now."),
                new nl.incidents.kernel.incident.NeedToKnowReaderAdded(INCIDENT, new PersonId("emp-2002")),
                new nl.incidents.kernel.incident.NeedToKnowReaderRemoved(INCIDENT, new PersonId("emp-2002")),
                new PoliceReportConcluded(INCIDENT, "The prosecutor dismissed the report."),
                new PersonErased(INCIDENT, new PersonId("pupil-7"), "AVG-2026-014", ErasureGround.OBJECTION,
                        ErasureRequester.PARENT_OR_GUARDIAN),
                new CaseErased(INCIDENT, "retention", ErasureGround.RETENTION_PERIOD_ENDED,
                        ErasureRequester.RETENTION_SCHEDULE),
                new nl.incidents.kernel.incident.EvidenceAttached(INCIDENT,
                        java.util.UUID.fromString("0e6f3c1a-8b2d-4f5e-9a6b-7c8d9e0f1a2b"),
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        Instant.parse("2025-03-10T20:01:02.345Z"), 48_213, "image/png", "screenshot-post-981.png",
                        "The post and the first twelve comments."));
    }

    @Test
    @DisplayName("there is a sample of every kind of incident event")
    void everyEventHasASample() {
        Set<Class<?>> sampled = samples().map(Object::getClass).collect(Collectors.toSet());
        assertThat(IncidentEvent.class.getPermittedSubclasses()).isNotEmpty();
        assertThat(sampled).containsExactlyInAnyOrder(IncidentEvent.class.getPermittedSubclasses());
    }

    @Test
    @DisplayName("every incident event carries a revision")
    void everyEventHasARevision() {
        Map<Class<?>, Revision> revisions = Arrays.stream(IncidentEvent.class.getPermittedSubclasses())
                .filter(type -> type.isAnnotationPresent(Revision.class))
                .collect(Collectors.toMap(Function.identity(), type -> type.getAnnotation(Revision.class)));
        assertThat(revisions.keySet()).containsExactlyInAnyOrder(IncidentEvent.class.getPermittedSubclasses());
        assertThat(revisions.values()).allSatisfy(revision -> assertThat(revision.value()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @DisplayName("an event reads back as it was written")
    void roundTrips(IncidentEvent event) throws Exception {
        String json = mapper.writeValueAsString(event);

        Object read = mapper.readValue(json, event.getClass());

        assertThat(read).isEqualTo(event);
        assertThat(mapper.writeValueAsString(read)).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @DisplayName("ids are stored as plain strings, not as nested objects")
    void idsAreStrings(IncidentEvent event) throws Exception {
        JsonNode json = mapper.valueToTree(event);

        assertThat(json.get("incidentId").isTextual()).isTrue();
        assertThat(json.get("incidentId").asText()).isEqualTo(INCIDENT.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @DisplayName("an event written by a newer version, with a field more, still reads")
    void unknownFieldsAreIgnored(IncidentEvent event) throws Exception {
        ObjectNode json = mapper.valueToTree(event);
        json.put("addedInALaterRevision", "something new");

        assertThat(mapper.treeToValue(json, event.getClass())).isEqualTo(event);
    }

    @Test
    @DisplayName("times are stored as ISO-8601 text, to the millisecond")
    void timesAreIsoText() throws Exception {
        DerailingDiscussionReported reported = (DerailingDiscussionReported) samples().findFirst().orElseThrow();

        JsonNode json = mapper.valueToTree(reported);

        assertThat(json.get("observedAt").asText()).isEqualTo("2025-03-10T19:45:12.345Z");
        assertThat(json.get("reportedBy").asText()).isEqualTo("emp-1001");
        assertThat(json.get("involvedParties").get(0).get("personId").asText()).isEqualTo("ouder-77001");
    }

    @Test
    @DisplayName("a board assignee is stored without a person")
    void boardAssigneeHasNoPerson() throws Exception {
        JsonNode json = mapper.valueToTree(new EscalationAcknowledged(INCIDENT, Assignee.board(), null));

        assertThat(json.get("assignee").get("level").asText()).isEqualTo("BOARD");
        assertThat(json.get("assignee").get("personId").isNull()).isTrue();
    }
}
