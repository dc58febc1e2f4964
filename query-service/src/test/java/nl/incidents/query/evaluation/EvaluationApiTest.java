package nl.incidents.query.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.incidents.kernel.calendar.SchoolYear;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.query.EventStoreSchema;
import nl.incidents.support.testing.CaughtUp;
import nl.incidents.support.testing.TestStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The protocol evaluation of a seeded board, on H2 and PostgreSQL: 13 cases reported in the school years 2024/25 and
 * 2025/26 (6 at OBS De Esch with known times, 2 at CBS Het Kompas, 5 at a school no longer in the directory) and 5 in
 * the two years before, their events stamped by the event clock. Every figure of every scope, in both periods, is the
 * expected one: every count rounded to a multiple of 5 (13 reads 15, 6 reads 5, 8 reads 10), small counts read
 * {@code <5}, the small school shows no breakdown, times over fewer than five cases withheld, an event after the
 * period's end not counted; no exact count is in the JSON's values, and the subtraction that gave a hidden count
 * away before rounding no longer pins one. The CSV and the PDF carry the same figures. A manager is refused (403) before the dates are read; bad dates are 400
 * naming the field.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventStoreSchema.class)
class EvaluationApiTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor MANAGER = new Actor(new PersonId("manager"), ActorRole.MANAGER);
    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);
    private static final Instant SPRING_2025 = Instant.parse("2025-03-03T09:00:00Z");
    private static final Instant SPRING_2023 = Instant.parse("2023-03-06T09:00:00Z");
    private static final String PERIOD = "from=2024-08-01&to=2026-08-01";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "evaluation");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @AfterEach
    void clockBack() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void theBoardReadsEveryFigureOfBothPeriodsRoundedWithTheSmallOnesHiddenAndTheSameInCsvAndPdf() throws IOException {
        seed();

        ResponseEntity<JsonNode> answer = get("board", "/api/evaluation?" + PERIOD, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode evaluation = answer.getBody();
        assertThat(evaluation.path("board").asText()).isEqualTo("Stichting Demo Onderwijs");
        assertThat(evaluation.path("period").path("from").asText()).isEqualTo("2024-08-01");
        assertThat(evaluation.path("previous").path("from").asText()).isEqualTo("2022-08-01");
        assertThat(evaluation.path("previous").path("to").asText()).isEqualTo("2024-08-01");
        assertThat(names(evaluation.path("scopes"))).containsExactly("Stichting Demo Onderwijs", "OBS De Esch",
                "CBS Het Kompas", "school-9");

        // Exact counts in comments where rounding changes them.
        Map<String, String> boardNow = expected(Map.ofEntries(
                Map.entry("cases/total", "15"), // 13
                Map.entry("school/school-1", "5"), // 6
                Map.entry("school/school-2", "<5"), Map.entry("school/school-9", "5"),
                Map.entry("stage/THREATENING", "<5"), Map.entry("stage/DERAILED", "10"), // 11
                Map.entry("harm/BULLYING", "5"), // 6
                Map.entry("harm/THREATENING", "<5"), Map.entry("harm/INSULTING", "<5"), Map.entry("harm/DEFAMING", "5"),
                Map.entry("platform/TIKTOK", "5"), // 6
                Map.entry("platform/WHATSAPP_GROUP", "<5"), Map.entry("platform/FORUM", "5"),
                Map.entry("severity/LOW", "<5"), Map.entry("severity/MEDIUM", "5"), Map.entry("severity/HIGH", "<5"),
                Map.entry("severity/CRITICAL", "5"),
                Map.entry("time/acknowledge.cases", "5"), // 6
                Map.entry("time/acknowledge.median", "3.0"),
                Map.entry("time/acknowledge.p90", "6.0"),
                Map.entry("time/communications.cases", "5"), Map.entry("time/communications.median", "30.0"),
                Map.entry("time/communications.p90", "50.0"),
                Map.entry("time/police-decision.cases", "<5"), Map.entry("time/police-decision.median", "x"),
                Map.entry("time/police-decision.p90", "x"),
                Map.entry("late/ACKNOWLEDGE", "<5"), Map.entry("escalation/NOT_ACKNOWLEDGED_IN_TIME", "<5"),
                Map.entry("measure/WARNING", "5"), Map.entry("report/police-filed", "<5"),
                Map.entry("outcome/closed-with-measure", "5"), Map.entry("outcome/open", "10"))); // 8
        // OBS De Esch has 6 cases: 5 MEDIUM and 1 HIGH. Before rounding it showed total 6, MEDIUM "x" (at least 5),
        // HIGH "<5", the rest 0, so MEDIUM = 5 and HIGH = 1 followed by subtraction. Now the total reads 5 (5 to 7
        // cases), MEDIUM 5 (5 to 7), HIGH <5 (1 to 4): 5+1 of 6, 5+2 of 7 and 6+1 of 7 all fit, so HIGH is 1 or 2 and
        // no hidden count is pinned. Likewise between board and schools: 15 (13 to 17) minus 5 and 5 (5 to 7 each)
        // leaves CBS Het Kompas anywhere from 1 to 4.
        Map<String, String> eschNow = expected(Map.ofEntries(
                Map.entry("cases/total", "5"), // 6
                Map.entry("stage/DERAILED", "5"), // 6
                Map.entry("harm/BULLYING", "5"), // 6
                Map.entry("harm/THREATENING", "<5"),
                Map.entry("platform/TIKTOK", "5"), // 6
                Map.entry("severity/MEDIUM", "5"), Map.entry("severity/HIGH", "<5"),
                Map.entry("time/acknowledge.cases", "5"), // 6
                Map.entry("time/acknowledge.median", "3.0"),
                Map.entry("time/acknowledge.p90", "6.0"),
                Map.entry("time/communications.cases", "5"), Map.entry("time/communications.median", "30.0"),
                Map.entry("time/communications.p90", "50.0"),
                Map.entry("time/police-decision.cases", "<5"), Map.entry("time/police-decision.median", "x"),
                Map.entry("time/police-decision.p90", "x"),
                Map.entry("late/ACKNOWLEDGE", "<5"), Map.entry("escalation/NOT_ACKNOWLEDGED_IN_TIME", "<5"),
                Map.entry("measure/WARNING", "5"), Map.entry("report/police-filed", "<5"),
                Map.entry("outcome/closed-with-measure", "5"), Map.entry("outcome/open", "<5")));
        Map<String, String> before = expected(Map.ofEntries(
                Map.entry("cases/total", "5"), Map.entry("stage/THREATENING", "5"), Map.entry("harm/INSULTING", "5"),
                Map.entry("platform/FACEBOOK", "5"), Map.entry("severity/LOW", "5"),
                Map.entry("time/acknowledge.cases", "5"), Map.entry("time/acknowledge.median", "2.0"),
                Map.entry("time/acknowledge.p90", "2.0"),
                Map.entry("escalation/NO_MANAGER", "<5"), Map.entry("outcome/open", "5")));
        Map<String, String> boardBefore = new LinkedHashMap<>(before);
        boardBefore.put("school/school-1", "5");
        boardBefore.put("school/school-2", "<5");
        boardBefore.put("school/school-9", "<5");

        assertThat(figures(scope(evaluation, null), "period")).isEqualTo(boardNow);
        assertThat(figures(scope(evaluation, null), "previous")).isEqualTo(boardBefore);
        assertThat(figures(scope(evaluation, "school-1"), "period")).isEqualTo(without(eschNow, "school/"));
        Map<String, String> esch = figures(scope(evaluation, "school-1"), "period");
        assertThat(List.of(esch.get("cases/total"), esch.get("severity/LOW"), esch.get("severity/MEDIUM"),
                esch.get("severity/HIGH"), esch.get("severity/CRITICAL")))
                .as("total minus the other severities leaves HIGH anywhere from 0 to 2 and LOW, CRITICAL from 0: not pinned")
                .containsExactly("5", "<5", "5", "<5", "<5");
        assertThat(figures(scope(evaluation, "school-1"), "previous")).isEqualTo(without(before, "school/"));
        assertThat(figures(scope(evaluation, "school-2"), "period")).isEqualTo(hidden("<5"));
        assertThat(figures(scope(evaluation, "school-2"), "previous")).isEqualTo(without(expected(Map.of()), "school/"));
        assertThat(figures(scope(evaluation, "school-9"), "period")).isEqualTo(without(expected(Map.of(
                "cases/total", "5", "stage/DERAILED", "5", "harm/DEFAMING", "5", "platform/FORUM", "5",
                "severity/CRITICAL", "5", "outcome/open", "5")), "school/"));
        assertThat(figures(scope(evaluation, "school-9"), "previous")).isEqualTo(without(expected(Map.of()), "school/"));
        assertThat(scope(evaluation, null).path("sections").get(0).path("figures").get(0).path("period").path("value")
                .asLong()).as("the rounded total, not the 13 cases").isEqualTo(15);
        for (JsonNode cell : cells(evaluation)) {
            String shown = cell.path("shown").asText();
            if (shown.matches("\\d+(\\.\\d)?")) {
                assertThat(cell.path("value").decimalValue()).as("a value is the number shown").isEqualByComparingTo(shown);
                assertThat(shown.contains(".") || Long.parseLong(shown) % 5 == 0).as("a count a multiple of 5: " + shown)
                        .isTrue();
            } else {
                assertThat(cell.path("value").isNull() || cell.path("value").isMissingNode())
                        .as("no value behind " + shown).isTrue();
            }
        }

        ResponseEntity<byte[]> csv = get("board", "/api/evaluation.csv?" + PERIOD, byte[].class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("evaluatie-2024-08-01-tot-en-met-2026-07-31.csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv.getBody(), StandardCharsets.UTF_8))).getRecords();
        List<List<String>> fromJson = new ArrayList<>();
        Map<String, String> schoolNames = Map.of("school-1", "OBS De Esch", "school-2", "CBS Het Kompas",
                "school-9", "school-9");
        for (JsonNode scope : evaluation.path("scopes")) {
            for (JsonNode section : scope.path("sections")) {
                for (JsonNode figure : section.path("figures")) {
                    String item = figure.path("item").asText();
                    fromJson.add(List.of(scope.path("name").asText(), section.path("name").asText(),
                            section.path("name").asText().equals("school") ? schoolNames.get(item) : item,
                            section.path("unit").asText(), figure.path("period").path("shown").asText(),
                            figure.path("previous").path("shown").asText()));
                }
            }
        }
        assertThat(rows.stream().map(CSVRecord::toList).toList()).isEqualTo(fromJson);
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("scope", "section", "item", "unit",
                "period 2024-08-01..2026-07-31", "previous period 2022-08-01..2024-07-31");

        ResponseEntity<byte[]> pdf = get("board", "/api/evaluation.pdf?" + PERIOD, byte[].class);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).as("A4").isBetween(594f, 596f);
            text = new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
        }
        assertThat(text).contains("Evaluatie van het protocol", "Stichting Demo Onderwijs",
                "Periode: 1 augustus 2024 tot en met 31 juli 2026", "Vorige periode: 1 augustus 2022 tot en met 31 juli 2024");
        List<String> lines = new ArrayList<>();
        for (List<String> row : fromJson) {
            lines.add(" " + row.get(4).replace('.', ',') + " " + row.get(5).replace('.', ',') + "\n");
        }
        assertThat(text).as("every figure of the JSON, in order, as 'period previous' at a row's end")
                .containsSubsequence(lines);
        assertThat(text).contains("Gemelde zaken 15 5", "Bevestigd: mediaan 3,0 2,0", "pesten 5 <5",
                "gesloten, met maatregel 5 <5", "OBS De Esch 5 5");
        assertThat(text.replaceAll("\\s+", " ")).as("the title page says how counts are shown")
                .contains("Alle aantallen zijn afgerond op een veelvoud van 5");
    }

    @Test
    void onlyTheBoardReadsTheEvaluationAndBadDatesAreRefusedNamingTheField() {
        ResponseEntity<JsonNode> manager = get("manager", "/api/evaluation?from=nonsense", JsonNode.class);
        assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(manager.getBody().path("code").asText()).isEqualTo("evaluation.board-only");
        ResponseEntity<JsonNode> managerPdf = get("manager", "/api/evaluation.pdf", JsonNode.class);
        assertThat(managerPdf.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(managerPdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        assertRefused("/api/evaluation?from=2024-13-01", "from", "evaluation.not-a-date");
        assertRefused("/api/evaluation.csv?to=yesterday", "to", "evaluation.not-a-date");
        assertRefused("/api/evaluation?from=2025-08-01&to=2025-08-01", "to", "evaluation.end-before-start");
        assertRefused("/api/evaluation.pdf?from=2010-08-01&to=2026-08-01", "from", "evaluation.period-too-long");

        JsonNode byDefault = get("board", "/api/evaluation", JsonNode.class).getBody();
        LocalDate end = SchoolYear.of(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))).start();
        assertThat(byDefault.path("period").path("from").asText()).isEqualTo(end.minusYears(2).toString());
        assertThat(byDefault.path("period").path("to").asText()).isEqualTo(end.toString());
    }

    private void assertRefused(String path, String field, String code) {
        ResponseEntity<JsonNode> answer = get("board", path, JsonNode.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody().path("field").asText()).isEqualTo(field);
        assertThat(answer.getBody().path("code").asText()).isEqualTo(code);
        assertThat(answer.getBody().path("detail").asText()).contains("(" + field + ")").doesNotContain("Exception");
    }

    private void seed() {
        // OBS De Esch, 2024/25: six derailed bullying cases on TikTok, acknowledged 1..6 hours after the report.
        for (int i = 1; i <= 6; i++) {
            IncidentId id = IncidentId.random();
            Instant at = SPRING_2025.plus(Duration.ofDays(i));
            Case c = new Case(id);
            c.add(TEACHER, at, report(id, "school-1", Platform.TIKTOK, Stage.DERAILED,
                    i == 6 ? Set.of(Harm.BULLYING, Harm.THREATENING) : Set.of(Harm.BULLYING),
                    i == 6 ? Severity.HIGH : Severity.MEDIUM));
            c.add(Actor.SYSTEM, at.plusSeconds(1), new IncidentEscalated(id, Assignee.manager(MANAGER.id()),
                    "Reported: the manager hears of it at once."));
            if (i == 6) {
                // Not acknowledged by the manager in time: up to the board, which acknowledges; a police report.
                c.add(Actor.SYSTEM, at.plus(Duration.ofHours(4)), new StepOverdue(id, Step.ACKNOWLEDGE,
                        at.plus(Duration.ofHours(4)), Assignee.manager(MANAGER.id())));
                c.add(Actor.SYSTEM, at.plus(Duration.ofHours(4)).plusSeconds(1), new IncidentEscalated(id,
                        Assignee.board(), "manager manager did not acknowledge the case by then, when it was due."));
                c.add(BOARD, at.plus(Duration.ofHours(6)), new EscalationAcknowledged(id, Assignee.board(), "Seen."));
                c.add(BOARD, at.plus(Duration.ofHours(24)), new FiledWithPolice(id, "threat", "PL-1"));
                // Closed after the period: still open at its end.
                c.add(BOARD, Instant.parse("2026-09-01T10:00:00Z"), new IncidentClosed(id, "Done."));
                continue;
            }
            c.add(MANAGER, at.plus(Duration.ofHours(i)), new EscalationAcknowledged(id,
                    Assignee.manager(MANAGER.id()), "Seen."));
            c.add(MANAGER, at.plus(Duration.ofHours(10L * i)), new CommunicationsDepartmentNotified(id, "For you."));
            c.add(MANAGER, at.plus(Duration.ofDays(4)), new MeasureImposed(id, new PersonId("llnr-" + i),
                    PartyRole.PUPIL, Measure.WARNING, "Warned."));
            c.add(MANAGER, at.plus(Duration.ofDays(5)), new IncidentClosed(id, "Settled."));
        }
        // CBS Het Kompas, 2025/26: two threatening insults in a WhatsApp group, nothing done yet.
        for (int i = 1; i <= 2; i++) {
            IncidentId id = IncidentId.random();
            new Case(id).add(TEACHER, Instant.parse("2025-10-06T09:00:00Z").plus(Duration.ofDays(i)),
                    report(id, "school-2", Platform.WHATSAPP_GROUP, Stage.THREATENING, Set.of(Harm.INSULTING),
                            Severity.LOW));
        }
        // A school no longer in the directory, 2024/25: five critical defamations on a forum.
        for (int i = 1; i <= 5; i++) {
            IncidentId id = IncidentId.random();
            new Case(id).add(TEACHER, Instant.parse("2024-09-02T09:00:00Z").plus(Duration.ofDays(i)),
                    report(id, "school-9", Platform.FORUM, Stage.DERAILED, Set.of(Harm.DEFAMING), Severity.CRITICAL));
        }
        // OBS De Esch, 2022/23 (the previous period): five insults on Facebook, acknowledged after 2 hours; one went
        // straight to the board. A measure in one of them came in 2025: after the previous period, so not counted.
        for (int i = 1; i <= 5; i++) {
            IncidentId id = IncidentId.random();
            Instant at = SPRING_2023.plus(Duration.ofDays(i));
            Case c = new Case(id);
            c.add(TEACHER, at, report(id, "school-1", Platform.FACEBOOK, Stage.THREATENING, Set.of(Harm.INSULTING),
                    Severity.LOW));
            Assignee holder = i == 1 ? Assignee.board() : Assignee.manager(MANAGER.id());
            c.add(Actor.SYSTEM, at.plusSeconds(1), new IncidentEscalated(id, holder, "Reported."));
            c.add(i == 1 ? BOARD : MANAGER, at.plus(Duration.ofHours(2)), new EscalationAcknowledged(id, holder, "Seen."));
            if (i == 1) {
                c.add(MANAGER, Instant.parse("2025-01-06T10:00:00Z"), new MeasureImposed(id, new PersonId("staff-old"),
                        PartyRole.STAFF, Measure.REPRIMAND, "Late."));
            }
        }
        // Reported after the period: counted nowhere.
        IncidentId later = IncidentId.random();
        new Case(later).add(TEACHER, Instant.parse("2026-09-10T09:00:00Z"), report(later, "school-1", Platform.BLOG,
                Stage.DERAILED, Set.of(Harm.BULLYING), Severity.LOW));
        CaughtUp.await(eventStore, processing);
    }

    private static DerailingDiscussionReported report(IncidentId id, String school, Platform platform, Stage stage,
                                                      Set<Harm> harms, Severity severity) {
        return new DerailingDiscussionReported(id, school, platform, "https://example.org/post", "A post.", stage, harms,
                severity, List.of(new InvolvedParty(new PersonId("llnr-" + id.toString().substring(0, 8)),
                PartyRole.PUPIL, Part.AUTHOR)), Instant.parse("2022-01-01T00:00:00Z"), TEACHER.id());
    }

    /** One case's events, appended in order with the event clock at their time. */
    private final class Case {
        private final IncidentId id;
        private long sequence;

        Case(IncidentId id) {
            this.id = id;
        }

        Case add(Actor actor, Instant at, Object event) {
            GenericEventMessage.clock = Clock.fixed(at, ZoneOffset.UTC);
            eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence++, event,
                    MetaData.from(actor.asMetaData())));
            return this;
        }
    }

    /** Every figure of a scope (the board's: also by school): these values, every other count 0, every other time -. */
    private static Map<String, String> expected(Map<String, String> given) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("cases/total", "<5");
        for (String school : List.of("school-1", "school-2", "school-9")) {
            all.put("school/" + school, "<5");
        }
        for (Stage e : Stage.values()) {
            all.put("stage/" + e, "<5");
        }
        for (Harm e : Harm.values()) {
            all.put("harm/" + e, "<5");
        }
        for (Platform e : Platform.values()) {
            all.put("platform/" + e, "<5");
        }
        for (Severity e : Severity.values()) {
            all.put("severity/" + e, "<5");
        }
        for (String step : List.of("acknowledge", "communications", "police-decision")) {
            all.put("time/" + step + ".cases", "<5");
            all.put("time/" + step + ".median", "-");
            all.put("time/" + step + ".p90", "-");
        }
        for (Step e : Step.values()) {
            all.put("late/" + e, "<5");
        }
        for (EscalationReason e : EscalationReason.values()) {
            all.put("escalation/" + e, "<5");
        }
        for (Measure e : Measure.values()) {
            all.put("measure/" + e, "<5");
        }
        for (String e : List.of("police-filed", "police-declined", "police-concluded", "inspector")) {
            all.put("report/" + e, "<5");
        }
        for (String e : List.of("closed-with-measure", "closed-without-measure", "open")) {
            all.put("outcome/" + e, "<5");
        }
        given.forEach((key, value) -> {
            assertThat(all).as("a figure the evaluation has").containsKey(key);
            all.put(key, value);
        });
        return all;
    }

    private static Map<String, String> without(Map<String, String> figures, String prefix) {
        Map<String, String> left = new LinkedHashMap<>(figures);
        left.keySet().removeIf(key -> key.startsWith(prefix));
        return left;
    }

    /** A school's period with no breakdown: its total as given, everything else withheld. */
    private static Map<String, String> hidden(String total) {
        Map<String, String> all = without(expected(Map.of()), "school/");
        all.replaceAll((key, value) -> "x");
        all.put("cases/total", total);
        return all;
    }

    private static Map<String, String> figures(JsonNode scope, String period) {
        Map<String, String> figures = new HashMap<>();
        for (JsonNode section : scope.path("sections")) {
            for (JsonNode figure : section.path("figures")) {
                figures.put(section.path("name").asText() + "/" + figure.path("item").asText(),
                        figure.path(period).path("shown").asText());
            }
        }
        return figures;
    }

    /** Every cell of the evaluation, of every scope, section and figure, in both periods. */
    private static List<JsonNode> cells(JsonNode evaluation) {
        List<JsonNode> cells = new ArrayList<>();
        for (JsonNode scope : evaluation.path("scopes")) {
            for (JsonNode section : scope.path("sections")) {
                for (JsonNode figure : section.path("figures")) {
                    cells.add(figure.path("period"));
                    cells.add(figure.path("previous"));
                }
            }
        }
        assertThat(cells).hasSizeGreaterThan(400);
        return cells;
    }

    private static JsonNode scope(JsonNode evaluation, String schoolId) {
        for (JsonNode scope : evaluation.path("scopes")) {
            if (schoolId == null ? scope.path("schoolId").isNull() || scope.path("schoolId").isMissingNode()
                    : scope.path("schoolId").asText().equals(schoolId)) {
                return scope;
            }
        }
        throw new AssertionError("no scope " + schoolId);
    }

    private static List<String> names(JsonNode scopes) {
        List<String> names = new ArrayList<>();
        scopes.forEach(scope -> names.add(scope.path("name").asText()));
        return names;
    }

    /** Asked as a download is: for the CSV, CSV; for the PDF, a PDF; a refusal comes as problem+json all the same. */
    private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(path.contains(".pdf") ? MediaType.APPLICATION_PDF
                : path.contains(".csv") ? MediaType.parseMediaType("text/csv") : MediaType.APPLICATION_JSON));
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
    }
}
