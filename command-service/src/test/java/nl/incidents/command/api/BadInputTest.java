package nl.incidents.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.support.testing.RawHttp.Answer;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the command API is refused with 400 problem+json naming the first field at fault by its
 * JSON path, in a sentence that lists what is accepted; nothing is stored. Exact types only: no value
 * is silently turned into another.
 */
class BadInputTest extends RunningCommandService {

    private static final String REPORTS = "/api/incidents";

    /** Every POST of the API with a body of its own that would pass, and that body's own fields. */
    private static Map<String, Map<String, Object>> steps() {
        Map<String, Map<String, Object>> steps = new LinkedHashMap<>();
        steps.put("escalations", Map.of("reason", "For the board"));
        steps.put("acknowledgements", Map.of("note", "Calling the teacher"));
        steps.put("strategy", Map.of("elements", List.of("NO_ONLINE_REACTION"), "description", "Talk"));
        steps.put("communications-notifications", Map.of("message", "FYI"));
        steps.put("police-reports", Map.of("offence", "Threat", "policeReference", "PL-1"));
        steps.put("police-report-declined", Map.of("reason", "No offence"));
        steps.put("police-report-outcome", Map.of("outcome", "Dismissed"));
        steps.put("legal-hold", Map.of("reason", "A claim"));
        steps.put("legal-hold-lifted", Map.of("reason", "Settled"));
        steps.put("inspector-reports", Map.of("personId", "staff-9", "summary", "Boundary-crossing", "inspectorReference", "I-1"));
        steps.put("measures", Map.of("personId", "pupil-1", "measure", "WARNING", "reason", "Posts"));
        steps.put("correspondence", Map.of("personId", "pupil-1", "summary", "Letter"));
        steps.put("closure", Map.of("outcome", "Removed"));
        return steps;
    }

    @Test
    void aFieldGivenTwiceIsRefusedOnEveryPostNamingIt() {
        String id = UUID.randomUUID().toString();
        List<String> paths = new ArrayList<>(List.of(REPORTS));
        steps().keySet().forEach(step -> paths.add(REPORTS + "/" + id + "/" + step));
        for (String path : paths) {
            http().post("manager", path, "{\"outcome\":\"a\",\"outcome\":\"b\"}").assertProblem(400, "outcome");
        }
        // Each body's own fields, given twice: the second would silently have won.
        steps().forEach((step, body) -> {
            String field = body.keySet().iterator().next();
            String twice = "{\"" + field + "\":" + json(body.get(field)) + "," + json(body).substring(1);
            String detail = http().post("manager", REPORTS + "/" + id + "/" + step, twice).assertProblem(400, field);
            assertThat(detail).isEqualTo(field + " is given more than once; give each field once.");
        });
        String report = json(CommandApiTest.report(id, "school-1"));
        http().post("teacher", REPORTS, "{\"summary\":\"other\"," + report.substring(1)).assertProblem(400, "summary");
        String party = report.replace("\"role\":\"PUPIL\"", "\"role\":\"PUPIL\",\"role\":\"STAFF\"");
        http().post("teacher", REPORTS, party).assertProblem(400, "involvedParties[0].role");
        assertThat(events(id)).isEmpty();
    }

    @Test
    void numbersBooleansAndLooseFormsAreNotTakenForEnumsTextsTimesOrIds() {
        String id = UUID.randomUUID().toString();
        String platform = refuse(id, "platform", "0", "platform");
        assertThat(platform).isEqualTo("platform must be one of " + names(Platform.values()) + ".");
        assertThat(refuse(id, "platform", "\"facebook\"", "platform")).isEqualTo(platform);
        assertThat(refuse(id, "summary", "true", "summary")).isEqualTo("summary must be text.");
        refuse(id, "summary", "12", "summary");
        refuse(id, "summary", "{\"text\":\"x\"}", "summary");
        String time = refuse(id, "observedAt", "1e400", "observedAt");
        assertThat(time).isEqualTo("observedAt must be a time as text in ISO 8601 form with its offset, such as \"2026-11-20T20:15:00Z\".");
        refuse(id, "observedAt", "1700000000", "observedAt");
        refuse(id, "observedAt", "\"1700000000\"", "observedAt");
        refuse(id, "observedAt", "\"2026-11-01T10:00:00\"", "observedAt");
        refuse(id, "observedAt", "\"2026-11-01\"", "observedAt");
        refuse(id, "harms", "[0]", "harms[0]");
        refuse(id, "harms", "\"BULLYING\"", "harms");
        refuse(id, "severity", "\"\"", "severity");
        refuse(id, "incidentId", "\"1-1-1-1-1\"", "incidentId");
        refuse(id, "incidentId", "\"AAAAAAAAAAAAAAAAAAAAAA==\"", "incidentId");
        refuse(id, "incidentId", "7", "incidentId");
        refuse(id, "sumary", "\"typo\"", "sumary");

        List<Map<String, Object>> parties = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            parties.add(Map.of("personId", "pupil-" + i, "role", "PUPIL", "part", "AUTHOR"));
        }
        parties.set(3, Map.of("personId", "pupil-3", "role", 2, "part", "AUTHOR"));
        Map<String, Object> report = CommandApiTest.report(id, "school-1");
        report.put("involvedParties", parties);
        String role = http().post("teacher", REPORTS, json(report)).assertProblem(400, "involvedParties[3].role");
        assertThat(role).isEqualTo("involvedParties[3].role must be one of " + names(PartyRole.values()) + ".");
        parties.set(3, Map.of("personId", "pupil-3", "role", "PUPIL", "part", "VICTIM"));
        assertThat(http().post("teacher", REPORTS, json(report)).assertProblem(400, "involvedParties[3].part"))
                .isEqualTo("involvedParties[3].part must be one of " + names(Part.values()) + ".");

        http().post("teacher", REPORTS, json(CommandApiTest.report(id, "school-1")) + "{}").assertProblem(400, null);
        http().post("teacher", REPORTS, "[" + json(CommandApiTest.report(id, "school-1")) + "]").assertProblem(400, null);
        assertThat(events(id)).isEmpty();
    }

    @Test
    void timesMustBeFrom2000UpToNow() {
        String id = UUID.randomUUID().toString();
        for (String time : List.of("-0001-11-20T20:15:00Z", "1900-01-01T00:00:00Z", "1999-12-31T23:59:59Z",
                "2999-01-01T00:00:00Z")) {
            assertThat(refuse(id, "observedAt", "\"" + time + "\"", "observedAt"))
                    .isEqualTo("observedAt must be a time from 2000-01-01T00:00:00Z up to now.");
        }
        assertThat(events(id)).isEmpty();
        Map<String, Object> withOffset = CommandApiTest.report(id, "school-1");
        withOffset.put("observedAt", "2026-11-01T11:00:00+01:00");
        assertThat(http().post("teacher", REPORTS, json(withOffset)).status()).isEqualTo(201);
    }

    @Test
    void textIsValidUnicodeWithoutControlCharactersButLineBreaksAndTabs() {
        String id = UUID.randomUUID().toString();
        String plain = "must be plain text: valid Unicode without control characters.";
        assertThat(refuse(id, "summary", "\"lone \\ud800 surrogate\"", "summary")).isEqualTo("summary " + plain);
        refuse(id, "summary", "\"swapped \\udc00\\ud800 pair\"", "summary");
        refuse(id, "summary", "\"nul \\u0000 inside\"", "summary");
        refuse(id, "summary", "\"escape \\u001b[31m red\"", "summary");
        refuse(id, "summary", "\"noncharacter \\uffff\"", "summary");
        refuse(id, "location", "\"https://example.nl/\\u0000\"", "location");
        refuse(id, "schoolId", "\"school-1\\n\"", "schoolId");
        http().post("board", REPORTS + "/" + id + "/police-reports", "{\"offence\":\"x\",\"policeReference\":\"PL\\n1\"}")
                .assertProblem(400, "policeReference");
        // Bytes that are not UTF-8 at all.
        byte[] latin1 = json(CommandApiTest.report(id, "school-1")).replace("Pupils", "Leerlingen \u00e9\u00e9n")
                .getBytes(StandardCharsets.ISO_8859_1);
        http().send(http().request("teacher", REPORTS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build()).assertProblem(400, null);
        assertThat(events(id)).isEmpty();

        Map<String, Object> lines = CommandApiTest.report(id, "school-1");
        lines.put("summary", "Two lines,\r\nthe second\twith a tab and an emoji \uD83D\uDE21");
        assertThat(http().post("teacher", REPORTS, json(lines)).status()).isEqualTo(201);
    }

    @Test
    void everyListAndTextHasAMaximumAndTheAnswerStaysSmall() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> report = CommandApiTest.report(id, "school-1");
        report.put("involvedParties", parties(101));
        assertThat(http().post("teacher", REPORTS, json(report)).assertProblem(400, "involvedParties"))
                .isEqualTo("involvedParties must name at most 100 parties.");

        report.put("involvedParties", Collections.nCopies(10_000, null));
        Answer nulls = http().post("teacher", REPORTS, json(report));
        nulls.assertProblem(400, nulls.json().path("field").asText());
        assertThat(nulls.json().path("field").asText()).startsWith("involvedParties");
        assertThat(nulls.body().length()).isLessThan(1000);

        report.put("involvedParties", parties(1));
        report.put("harms", Collections.nCopies(10_000, null));
        Answer harms = http().post("teacher", REPORTS, json(report));
        harms.assertProblem(400, harms.json().path("field").asText());
        assertThat(harms.json().path("field").asText()).startsWith("harms");
        assertThat(harms.body().length()).isLessThan(1000);
        report.put("harms", List.of("BULLYING", "BULLYING"));
        assertThat(http().post("teacher", REPORTS, json(report)).assertProblem(400, "harms"))
                .isEqualTo("harms must name each value once.");
        report.put("harms", List.of());
        http().post("teacher", REPORTS, json(report)).assertProblem(400, "harms");

        report.put("harms", List.of("BULLYING"));
        report.put("summary", "x".repeat(4001));
        assertThat(http().post("teacher", REPORTS, json(report)).assertProblem(400, "summary"))
                .isEqualTo("summary must be at most 4000 characters.");
        report.put("summary", "x".repeat(4000));
        report.put("location", "https://example.nl/" + "x".repeat(2000));
        http().post("teacher", REPORTS, json(report)).assertProblem(400, "location");
        report.put("location", "https://example.nl/x");
        report.put("schoolId", "s".repeat(101));
        http().post("teacher", REPORTS, json(report)).assertProblem(400, "schoolId");
        report.put("schoolId", "school-1");
        http().post("board", REPORTS + "/" + id + "/police-reports",
                json(Map.of("offence", "x", "policeReference", "P".repeat(201)))).assertProblem(400, "policeReference");

        // 10,000 parties: larger than any request body the service takes, refused before it is read.
        report.put("involvedParties", parties(10_000));
        assertThat(http().post("teacher", REPORTS, json(report)).assertProblem(413, null))
                .isEqualTo("The request body is larger than 128 KB, the most this service takes.");
        assertThat(events(id)).isEmpty();

        report.put("involvedParties", parties(100));
        assertThat(http().post("teacher", REPORTS, json(report)).status()).as("the largest report").isEqualTo(201);
    }

    @Test
    void aBodyThatArrivesInChunksIsCutOffAtTheLimitToo() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> report = CommandApiTest.report(id, "school-1");
        report.put("involvedParties", parties(10_000));
        byte[] body = json(report).getBytes(StandardCharsets.UTF_8);
        // A publisher of unknown length: the client sends it chunked, without a Content-Length.
        HttpRequest chunked = http().request("teacher", REPORTS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build();
        http().send(chunked).assertProblem(413, null);
        assertThat(events(id)).isEmpty();
    }

    @Test
    void pathParametersAreReadExactly() {
        assertThat(http().post("manager", REPORTS + "/1-1-1-1-1/closure", "{\"outcome\":\"x\"}").assertProblem(400, "id"))
                .isEqualTo("id must be an id in the form 3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21.");
        http().post("manager", REPORTS + "/not-a-uuid/closure", "{\"outcome\":\"x\"}").assertProblem(400, "id");
    }

    /** Sends the report {@code id} with {@code field} set to the raw JSON {@code value}; returns the detail of the 400. */
    private String refuse(String id, String field, String value, String expectedField) {
        Map<String, Object> report = new HashMap<>(CommandApiTest.report(id, "school-1"));
        report.put(field, "RAW-VALUE");
        String body = json(report).replace("\"RAW-VALUE\"", value);
        return http().post("teacher", REPORTS, body).assertProblem(400, expectedField);
    }

    private static List<Map<String, Object>> parties(int count) {
        List<Map<String, Object>> parties = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parties.add(Map.of("personId", "pupil-" + i, "role", "PUPIL", "part", i % 2 == 0 ? "AUTHOR" : "TARGET"));
        }
        return parties;
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
    }
}
