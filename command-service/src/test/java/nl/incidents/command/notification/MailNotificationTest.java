package nl.incidents.command.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.incidents.command.CommandServiceApplication;
import org.axonframework.eventsourcing.eventstore.EventStore;
import nl.incidents.support.testing.TestPostgres;
import nl.incidents.support.testing.TestStore;
import nl.incidents.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notification mails through a real SMTP server (GreenMail, in-process), in the command
 * service's real context: who gets which mail as a case climbs by itself, what the mails leave out,
 * that the history from before mail was switched on is not mailed, that an outage of the mail
 * server delays mails without dropping them, and that a mail failing every attempt is given up.
 * The context is closed with the class, before its mail server and its database go.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class MailNotificationTest {

    private static final Path STORE = temporaryDirectory();
    /**
     * In the build's PostgreSQL run: one fresh database for the context before mail and the one with it,
     * dropped when the JVM exits (an {@code @AfterAll} would drop it before Spring closes the context).
     */
    private static final TestPostgres.Database POSTGRES = TestStore.onPostgres() ? TestPostgres.create("mail") : null;
    private static final int SMTP_PORT = freePort();
    private static final String LINKS = "https://incidents.example.nl";
    /** A case reported while the service ran without a mail server. */
    private static final String HISTORY = UUID.randomUUID().toString();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        store().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("incidents.notifications.from", () -> "meldingen@bestuur.example");
        registry.add("incidents.notifications.link-base-url", () -> LINKS);
        // A failed mail is tried again after 200 ms, 400 ms, 800 ms and 1.6 s, then given up.
        registry.add("incidents.notifications.delivery.first-retry", () -> "200ms");
        registry.add("incidents.notifications.delivery.backoff-rate", () -> "2");
        registry.add("incidents.notifications.delivery.max-retries", () -> "4");
        // A critical case counts the clock around the hour: its manager has 2 s to acknowledge, the
        // board 2 s after that, and the communications department must be informed within 3 s.
        registry.add("incidents.escalation.timings.critical.acknowledge", () -> "2s");
        registry.add("incidents.escalation.timings.critical.notify-communications", () -> "3s");
        registry.add("incidents.escalation.timings.critical.reminder-interval", () -> "3s");
        registry.add("db-scheduler.polling-interval", () -> "100ms");
    }

    /** The embedded store in a directory of this test; its H2 server on any free port. */
    private static Map<String, String> store() {
        if (POSTGRES != null) {
            Map<String, String> settings = new LinkedHashMap<>(TestTokens.shared().settings());
            settings.putAll(Map.of("spring.datasource.url", POSTGRES.url(),
                    "spring.datasource.username", POSTGRES.user() == null ? "" : POSTGRES.user(),
                    "spring.datasource.password", POSTGRES.password() == null ? "" : POSTGRES.password(),
                    "incidents.demo.enabled", "true"));
            return settings;
        }
        return Map.of("incidents.data-dir", STORE.toString(), "incidents.h2.port", "0",
                "spring.datasource.url", "jdbc:h2:file:" + STORE + "/incidents;DB_CLOSE_ON_EXIT=FALSE");
    }

    /** Before this test's context starts, the same store gets a case while the service runs without mail. */
    @BeforeAll
    static void aCaseFromBeforeMailWasSwitchedOn() {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        if (POSTGRES != null) {
            args.add("--spring.profiles.active=postgres");
        }
        store().forEach((key, value) -> args.add("--" + key + "=" + value));
        try (ConfigurableApplicationContext withoutMail = new SpringApplicationBuilder(CommandServiceApplication.class)
                .run(args.toArray(String[]::new))) {
            assertThat(withoutMail.getBeansOfType(MailDelivery.class)).as("no mail without a mail server").isEmpty();
            TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder()
                    .rootUri("http://localhost:" + withoutMail.getEnvironment().getProperty("local.server.port")));
            assertThat(http.withBasicAuth("teacher", "demo").postForEntity("/api/incidents", report(HISTORY, "HIGH"),
                    String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            EventStore events = withoutMail.getBean(EventStore.class);
            await().until(() -> events.readEvents(HISTORY).asStream().count() == 5);
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void eachPersonConcernedGetsTheirMailAsTheCaseClimbsByItself() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(http.withBasicAuth("teacher", "demo").postForEntity("/api/incidents", report(id, "CRITICAL"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // At once: the school's manager, and nobody else.
        Mail escalated = await().until(() -> mailAbout(id, "manager@demo.example", "aan u doorgezet"), m -> m != null);
        assertThat(escalated.from()).isEqualTo("meldingen@bestuur.example");
        // In the board's language, Dutch by default (incidents.notifications.language), with Dutch dates.
        assertThat(escalated.subject()).startsWith("Melding " + id + ": aan u doorgezet, bevestig uiterlijk ")
                .matches(".* \\d{1,2} [a-z]+ \\d{4} \\d\\d:\\d\\d");
        assertThat(escalated.body()).contains("is aan u doorgezet").contains("OBS De Esch (school-1)")
                .contains("Stap: de ontvangst bevestigen, uiterlijk ")
                .contains("Zaak: " + LINKS + "/cases/" + id).doesNotContain("Incident");

        // Nobody acknowledges: after 2 s the board (with the missed deadline), and the manager hears it went up;
        // after 3 s the system informs the communications department, and tells the manager it did; after 4 s
        // the board is reminded.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, List<String>> subjects = subjectsByRecipient(id);
            assertThat(subjects.keySet()).containsExactlyInAnyOrder("manager@demo.example", "board@demo.example",
                    "comms@demo.example");
            assertThat(subjects.get("manager@demo.example")).hasSize(3)
                    .anySatisfy(s -> assertThat(s).startsWith("aan u doorgezet, bevestig uiterlijk "))
                    .contains("opgeschaald naar het bestuur", "het systeem heeft de communicatieafdeling ingelicht");
            assertThat(subjects.get("board@demo.example"))
                    .anySatisfy(s -> assertThat(s).startsWith("doorgezet naar het bestuur, bevestig uiterlijk "))
                    .anySatisfy(s -> assertThat(s).isEqualTo("herinnering 1, de ontvangst bevestigen is te laat"))
                    .allSatisfy(s -> assertThat(s).matches("doorgezet naar het bestuur, bevestig uiterlijk .*"
                            + "|herinnering \\d+, de ontvangst bevestigen is te laat"));
            assertThat(subjects.get("comms@demo.example")).containsExactly("de communicatieafdeling is ingelicht");
        });

        Mail toBoard = mailAbout(id, "board@demo.example", "doorgezet naar het bestuur");
        assertThat(toBoard.body()).contains("De ontvangst is niet bevestigd voor ").doesNotContain("meldplicht");
        Mail toComms = mailAbout(id, "comms@demo.example", "ingelicht");
        assertThat(toComms.body()).contains("gedaan door het systeem");

        for (Mail mail : mailsAbout(id)) {
            assertThat(mail.body()).contains(LINKS + "/cases/" + id)
                    .doesNotContain("pupil-" + id.substring(0, 8)).doesNotContain("A parent insults")
                    .doesNotContain("facebook").doesNotContain("INSULTING").doesNotContain("teacher");
            assertThat(mail.subject()).doesNotContain("pupil").doesNotContain("insult");
        }

        // The board takes the case and closes it: no more reminders, no more mails.
        assertThat(http.withBasicAuth("board", "demo").postForEntity("/api/incidents/" + id + "/acknowledgements",
                Map.of(), String.class).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(http.withBasicAuth("board", "demo").postForEntity("/api/incidents/" + id + "/closure",
                Map.of("outcome", "Handled."), String.class).getStatusCode().is2xxSuccessful()).isTrue();
    }

    @Test
    void aLegalDutyCaseMailsOnlyTheBoardAndThePeopleItAdds() throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, Object> report = report(id, "CRITICAL");
        report.put("harms", List.of("SEXUAL_IMAGES_OF_MINORS"));
        report.put("involvedParties", List.of(
                Map.of("personId", "staff-" + id.substring(0, 8), "role", "STAFF", "part", "AUTHOR"),
                Map.of("personId", "pupil-" + id.substring(0, 8), "role", "PUPIL", "part", "TARGET")));
        assertThat(http.withBasicAuth("teacher", "demo").postForEntity("/api/incidents", report, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().until(() -> mailAbout(id, "board@demo.example", "doorgezet naar het bestuur"), m -> m != null);

        // The board adds the school's manager: they hear of it, by a mail that names nothing of the case.
        assertThat(http.withBasicAuth("board", "demo").postForEntity("/api/incidents/" + id + "/need-to-know-readers",
                Map.of("personId", "manager"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        Mail added = await().until(() -> mailAbout(id, "manager@demo.example", "vertrouwelijke zaak"), m -> m != null);
        assertThat(added.subject()).isEqualTo("Melding " + id + ": u bent toegevoegd aan een vertrouwelijke zaak");
        assertThat(added.body()).contains(LINKS + "/cases/" + id).doesNotContain("pupil-").doesNotContain("staff-");

        // The system informs the communications department when that step is overdue (3 s), and reminds the board
        // again after that: the board's second reminder arrives, the communications department's mail never does.
        await().atMost(Duration.ofSeconds(30)).until(() -> mailAbout(id, "board@demo.example", "herinnering 2,"),
                m -> m != null);
        assertThat(subjectsByRecipient(id).keySet()).containsExactlyInAnyOrder("board@demo.example",
                "manager@demo.example");
        assertThat(subjectsByRecipient(id).get("manager@demo.example"))
                .containsExactly("u bent toegevoegd aan een vertrouwelijke zaak");

        // A manager of another school the board did not add is refused as for any case they may not read.
        assertThat(http.withBasicAuth("manager2", "demo").postForEntity("/api/incidents/" + id + "/acknowledgements",
                Map.of(), String.class).getBody()).contains("case.not-readable");
    }

    @Test
    void aMailWaitingForTheServerIsNotSentOnceTheCaseIsNeedToKnowToItsRecipient() throws Exception {
        String id = UUID.randomUUID().toString();
        double retriesBefore = attempts("retry");
        double withheldBefore = attempts("withheld");
        smtp.stop();
        try {
            http.withBasicAuth("teacher", "demo").postForEntity("/api/incidents", report(id, "HIGH"), String.class);
            await().until(() -> retriesBefore < attempts("retry"));
            // The manager's mail waits for the server; meanwhile the board makes the case need-to-know.
            assertThat(http.withBasicAuth("board", "demo").postForEntity("/api/incidents/" + id + "/need-to-know",
                    Map.of("reason", "A colleague's private life"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            smtp.start();
        }
        await().until(() -> withheldBefore < attempts("withheld"));
        await().until(() -> meters.get("incidents.notifications.mails.waiting").gauge().value() == 0);
        assertThat(mailAbout(id, "manager@demo.example", "aan u doorgezet")).as("withheld, not sent").isNull();
        assertThat(undeliverable(id)).isZero();
    }

    @Test
    void theHistoryFromBeforeMailWasSwitchedOnIsNotMailed() throws Exception {
        String id = UUID.randomUUID().toString();
        http.withBasicAuth("teacher", "demo").postForEntity("/api/incidents", report(id, "HIGH"), String.class);
        await().until(() -> mailAbout(id, "manager@demo.example", "aan u doorgezet"), m -> m != null);

        assertThat(mailsAbout(HISTORY)).isEmpty();
    }

    @Test
    void aMailServerThatIsDownDelaysTheMailButDoesNotDropIt() {
        String id = UUID.randomUUID().toString();
        double retriesBefore = attempts("retry");
        smtp.stop();
        try {
            http.withBasicAuth("teacher", "demo").postForEntity("/api/incidents", report(id, "HIGH"), String.class);
            await().until(() -> retriesBefore < attempts("retry"));
        } finally {
            smtp.start();
        }
        await().until(() -> mailAbout(id, "manager@demo.example", "aan u doorgezet"), m -> m != null);
        await().until(() -> meters.get("incidents.notifications.mails.waiting").gauge().value() == 0);
        assertThat(attempts("sent")).isPositive();
        assertThat(undeliverable(id)).isZero();
    }

    @Test
    void aMailThatFailsEveryAttemptIsGivenUpAndRecorded() throws Exception {
        String id = UUID.randomUUID().toString();
        double undeliverableBefore = attempts("undeliverable");
        smtp.stop();
        try {
            http.withBasicAuth("teacher", "demo").postForEntity("/api/incidents", report(id, "HIGH"), String.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> undeliverable(id) == 1);
        } finally {
            smtp.start();
        }
        assertThat(jdbc.sql("SELECT recipient_id, kind, attempts FROM undeliverable_mail WHERE incident_id = ?")
                .param(id).query().singleRow())
                .containsEntry("recipient_id", "manager").containsEntry("kind", "ESCALATION").containsEntry("attempts", 5);
        assertThat(attempts("undeliverable") - undeliverableBefore).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("incidents.notifications.mails.undeliverable").gauge().value()).isPositive();
        assertThat(mailAbout(id, "manager@demo.example", "aan u doorgezet")).as("given up, not sent later").isNull();
    }

    private double attempts(String outcome) {
        return meters.get("incidents.notifications.mail.attempts").tag("outcome", outcome).counter().count();
    }

    private long undeliverable(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM undeliverable_mail WHERE incident_id = ?").param(id).query(Long.class).single();
    }

    record Mail(String from, String to, String subject, String body) {
    }

    private static List<Mail> mailsAbout(String id) throws MessagingException, IOException {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject().contains(id)) {
                assertThat(message.getRecipients(RecipientType.TO)).hasSize(1);
                mails.add(new Mail(message.getFrom()[0].toString(), message.getRecipients(RecipientType.TO)[0].toString(),
                        message.getSubject(), message.getContent().toString()));
            }
        }
        return mails;
    }

    /** Per recipient, the subjects of the mails about this case, without the case's id in front. */
    private static Map<String, List<String>> subjectsByRecipient(String id) throws MessagingException, IOException {
        Map<String, List<String>> subjects = new HashMap<>();
        for (Mail mail : mailsAbout(id)) {
            subjects.computeIfAbsent(mail.to(), to -> new ArrayList<>())
                    .add(mail.subject().replace("Melding " + id + ": ", ""));
        }
        return subjects;
    }

    private static Mail mailAbout(String id, String to, String subject) throws MessagingException, IOException {
        return mailsAbout(id).stream().filter(m -> m.to().equals(to) && m.subject().contains(subject))
                .findFirst().orElse(null);
    }

    private static Map<String, Object> report(String id, String severity) {
        Map<String, Object> report = new HashMap<>();
        report.put("incidentId", id);
        report.put("schoolId", "school-1");
        report.put("platform", "FACEBOOK");
        report.put("location", "https://www.facebook.com/groups/ouders/posts/1");
        report.put("summary", "A parent insults a teacher in the parents group");
        report.put("stage", "DERAILED");
        report.put("harms", List.of("INSULTING"));
        report.put("severity", severity);
        report.put("involvedParties", List.of(Map.of("personId", "pupil-" + id.substring(0, 8), "role", "PUPIL",
                "part", "AUTHOR")));
        report.put("observedAt", "2026-11-01T10:00:00Z");
        return report;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("mail-notification");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
