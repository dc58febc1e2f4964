package nl.incidents.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
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
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.Timing;
import nl.incidents.query.EventStoreSchema;
import nl.incidents.support.testing.CaughtUp;
import nl.incidents.support.testing.TestStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The board's dashboard on a store of its own, as the board reads it through {@code GET /api/dashboard}: seven cases,
 * each appended at the times the test chooses (standing in for the command service):
 * <ul>
 *   <li>{@code legal}: school-1, critical, derailed, under the legal duty, nothing overdue;</li>
 *   <li>{@code late}: school-2, high, threatening, its acknowledgement due an hour ago;</li>
 *   <li>{@code quick}, {@code middle}, {@code slow}: school-1, high, acknowledged by the manager 10, 20 and 60
 *       minutes after the escalation, this month; {@code quick} also informed communications 10 minutes after
 *       its report;</li>
 *   <li>{@code old}: acknowledged in 5 minutes ten days before this month began, then closed;</li>
 *   <li>{@code mine}: involves the board member who reads (a bystander): never counted for them.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@Import(EventStoreSchema.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardApiTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor TEACHER2 = new Actor(new PersonId("teacher2"), ActorRole.STAFF);
    private static final Actor MANAGER = new Actor(new PersonId("manager"), ActorRole.MANAGER);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "dashboard-api");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    private final Map<IncidentId, Long> sequences = new HashMap<>();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    /** A moment of this month (in Dutch time) before now, at which this month's steps are taken. */
    private final Instant recent = latest(now.minus(Duration.ofMinutes(2)),
            now.atZone(AMSTERDAM).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant());
    /** Ten days before this month began: in the last twelve months, not in this one. */
    private final Instant older = now.atZone(AMSTERDAM).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).minusDays(10).toInstant();
    private final Instant lateDeadline = now.minus(Duration.ofHours(1));
    private IncidentId legal;
    private IncidentId late;
    private final List<IncidentId> acknowledged = new ArrayList<>();
    private IncidentId old;
    private IncidentId mine;

    @BeforeAll
    void sevenCases() {
        legal = reported("school-1", Severity.CRITICAL, Stage.DERAILED, TEACHER, recent.minus(Duration.ofMinutes(30)), "pupil-1");
        append(legal, Actor.SYSTEM, recent.minus(Duration.ofMinutes(30)), new EscalationPolicyRecorded(legal, timing(),
                ClockMode.AROUND_THE_CLOCK, Region.NORTH, List.of(EscalationLevel.MANAGER, EscalationLevel.BOARD), true));
        append(legal, Actor.SYSTEM, recent.minus(Duration.ofMinutes(30)),
                new DeadlineSet(legal, Step.INSPECTOR_CONSULTATION, now.plus(Duration.ofDays(1)), 0));
        append(legal, Actor.SYSTEM, recent.minus(Duration.ofMinutes(30)),
                new IncidentEscalated(legal, Assignee.board(), "legal duty"));

        late = reported("school-2", Severity.HIGH, Stage.THREATENING, TEACHER2, recent.minus(Duration.ofHours(3)), "pupil-2");
        append(late, Actor.SYSTEM, recent.minus(Duration.ofHours(3)),
                new IncidentEscalated(late, Assignee.manager(new PersonId("manager2")), "Reported"));
        append(late, Actor.SYSTEM, recent.minus(Duration.ofHours(3)), new DeadlineSet(late, Step.ACKNOWLEDGE, lateDeadline, 0));

        for (int minutes : new int[] {10, 20, 60}) {
            acknowledged.add(acknowledgedAfter(Duration.ofMinutes(minutes), recent));
        }
        append(acknowledged.get(0), MANAGER, recent, new CommunicationsDepartmentNotified(acknowledged.get(0), "told"));

        old = acknowledgedAfter(Duration.ofMinutes(5), older);
        append(old, MANAGER, older.plusSeconds(60), new IncidentClosed(old, "done"));

        mine = reported("school-2", Severity.LOW, Stage.THREATENING, TEACHER2, recent.minus(Duration.ofMinutes(5)), "board");
        append(mine, Actor.SYSTEM, recent.minus(Duration.ofMinutes(5)),
                new IncidentEscalated(mine, Assignee.manager(new PersonId("manager2")), "Reported"));
        append(mine, Actor.SYSTEM, recent.minus(Duration.ofMinutes(5)), new DeadlineSet(mine, Step.ACKNOWLEDGE, lateDeadline, 0));
    }

    @Test
    void theBoardCountsTheOpenCasesByStatusStageSchoolSeverityAndStep() {
        JsonNode dashboard = dashboard("board");
        assertThat(dashboard.path("openCases").asLong()).isEqualTo(5);
        assertThat(counts(dashboard.path("byStatus"))).containsExactly(Map.entry("ESCALATED", 2L), Map.entry("ACKNOWLEDGED", 3L));
        assertThat(counts(dashboard.path("byStage"))).containsExactly(Map.entry("THREATENING", 1L), Map.entry("DERAILED", 4L));
        assertThat(counts(dashboard.path("bySchool"))).containsExactly(Map.entry("school-1", 4L), Map.entry("school-2", 1L));
        assertThat(counts(dashboard.path("bySeverity"))).containsExactly(Map.entry("HIGH", 4L), Map.entry("CRITICAL", 1L));
        List<String> steps = new ArrayList<>();
        dashboard.path("bySteps").forEach(s -> steps.add(s.path("step").asText() + " " + s.path("open").asLong() + " "
                + s.path("overdue").asLong()));
        assertThat(steps).containsExactly("ACKNOWLEDGE 1 1", "INSPECTOR_CONSULTATION 1 0");
    }

    @Test
    void theLegalDutyCaseComesFirstThenTheOverdueOneWithTheDeadlineItMissed() {
        JsonNode dashboard = dashboard("board");
        assertThat(dashboard.path("attentionTotal").asLong()).isEqualTo(2);
        JsonNode attention = dashboard.path("attention");
        assertThat(attention).hasSize(2);
        assertThat(attention.get(0).path("incidentId").asText()).isEqualTo(legal.toString());
        assertThat(attention.get(0).path("legalDuty").asBoolean()).isTrue();
        assertThat(attention.get(0).path("overdueSteps")).isEmpty();
        assertThat(attention.get(1).path("incidentId").asText()).isEqualTo(late.toString());
        assertThat(attention.get(1).path("legalDuty").asBoolean()).isFalse();
        assertThat(attention.get(1).path("overdueSteps").get(0).path("step").asText()).isEqualTo("ACKNOWLEDGE");
        assertThat(OffsetDateTime.parse(attention.get(1).path("overdueSteps").get(0).path("deadline").asText()).toInstant())
                .isEqualTo(lateDeadline);
        assertThat(attention.get(1).path("assignee").path("personId").asText()).isEqualTo("manager2");
    }

    @Test
    void theTimesToAcknowledgeAreTheMedianAndNinetiethPercentileOfThisMonthAndTheLastTwelve() {
        JsonNode dashboard = dashboard("board");
        // This month: 10, 20 and 60 minutes. The last twelve months also hold the old case's 5 minutes.
        assertThat(figure(dashboard, "ACKNOWLEDGEMENT", "MANAGER", "HIGH", "THIS_MONTH")).isEqualTo("3 PT20M PT1H");
        assertThat(figure(dashboard, "ACKNOWLEDGEMENT", "MANAGER", null, "THIS_MONTH")).isEqualTo("3 PT20M PT1H");
        assertThat(figure(dashboard, "ACKNOWLEDGEMENT", "MANAGER", "HIGH", "LAST_TWELVE_MONTHS")).isEqualTo("4 PT10M PT1H");
        assertThat(figure(dashboard, "ACKNOWLEDGEMENT", "MANAGER", "LOW", "THIS_MONTH")).isEqualTo("0 - -");
        assertThat(figure(dashboard, "ACKNOWLEDGEMENT", "BOARD", null, "LAST_TWELVE_MONTHS")).isEqualTo("0 - -");
        assertThat(figure(dashboard, "COMMUNICATIONS_NOTIFIED", null, "HIGH", "THIS_MONTH")).isEqualTo("1 PT10M PT10M");
        assertThat(figure(dashboard, "COMMUNICATIONS_NOTIFIED", null, null, "LAST_TWELVE_MONTHS")).isEqualTo("1 PT10M PT10M");
    }

    @Test
    void onlyTheBoardReadsTheDashboard() {
        for (String user : List.of("manager", "comms", "teacher")) {
            ResponseEntity<JsonNode> refused = get(user);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }
        assertThat(http.getForEntity("/api/dashboard", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theDashboardIsDocumented() {
        JsonNode docs = http.getForEntity("/v3/api-docs", JsonNode.class).getBody();
        assertThat(docs.path("paths").path("/api/dashboard").path("get").path("responses").has("403")).isTrue();
    }

    /** "cases median p90" of one figure, durations as ISO text, "-" for none. */
    private static String figure(JsonNode dashboard, String measure, String level, String severity, String period) {
        for (JsonNode figure : dashboard.path("stepTimes")) {
            if (figure.path("measure").asText().equals(measure) && figure.path("period").asText().equals(period)
                    && (level == null ? !figure.has("level") : figure.path("level").asText().equals(level))
                    && (severity == null ? !figure.has("severity") : figure.path("severity").asText().equals(severity))) {
                return figure.path("cases").asInt() + " " + text(figure.path("median")) + " " + text(figure.path("percentile90"));
            }
        }
        throw new AssertionError("no figure " + measure + " " + level + " " + severity + " " + period + " in " + dashboard);
    }

    private static String text(JsonNode duration) {
        return duration.isMissingNode() || duration.isNull() ? "-" : Duration.parse(duration.asText()).toString();
    }

    private static List<Map.Entry<String, Long>> counts(JsonNode counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        counts.forEach(c -> entries.add(Map.entry(c.path("key").asText(), c.path("cases").asLong())));
        return entries;
    }

    private IncidentId acknowledgedAfter(Duration duration, Instant at) {
        Instant escalated = at.minus(duration);
        IncidentId id = reported("school-1", Severity.HIGH, Stage.DERAILED, TEACHER, escalated, "pupil-3");
        append(id, Actor.SYSTEM, escalated, new IncidentEscalated(id, Assignee.manager(MANAGER.id()), "Reported"));
        append(id, Actor.SYSTEM, escalated, new DeadlineSet(id, Step.ACKNOWLEDGE, escalated.plus(Duration.ofHours(4)), 0));
        append(id, MANAGER, at, new EscalationAcknowledged(id, Assignee.manager(MANAGER.id()), null));
        return id;
    }

    private IncidentId reported(String school, Severity severity, Stage stage, Actor reporter, Instant at, String involved) {
        IncidentId id = IncidentId.random();
        append(id, reporter, at, new DerailingDiscussionReported(id, school, Platform.FACEBOOK, "https://facebook.com/x",
                "Posts", stage, Set.of(Harm.INSULTING), severity,
                List.of(new InvolvedParty(new PersonId(involved), PartyRole.PUPIL, Part.BYSTANDER)), at.minusSeconds(60),
                reporter.id()));
        return id;
    }

    private static Timing timing() {
        Duration hour = Duration.ofHours(1);
        return new Timing(hour, hour, hour, hour, hour);
    }

    private void append(IncidentId id, Actor actor, Instant at, Object event) {
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence, event, actor.asMetaData(),
                UUID.randomUUID().toString(), at));
    }

    private JsonNode dashboard(String user) {
        ResponseEntity<JsonNode> response = get(user);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> get(String user) {
        // Every event appended so far is projected before the read; see CaughtUp.
        CaughtUp.await(eventStore, processing);
        return http.withBasicAuth(user, "demo").getForEntity("/api/dashboard", JsonNode.class);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
