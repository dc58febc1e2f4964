package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * Evidence on the case page in a real Chromium, on the system the browser tests share. The teacher who reported a case
 * attaches a screenshot (a PNG file chosen in the form's file field) with what it shows; a file of another kind is
 * refused next to the field first. The page lists the screenshot with its SHA-256 and time, and its link downloads the
 * very bytes that were chosen. The board's page offers the police package: a ZIP whose manifest's hashes match every
 * file in it, the screenshot among them. Each page is screenshot into target/screenshots/ and checked with axe-core.
 * Without the browser the test is skipped, unless {@code INCIDENTS_REQUIRE_ALL=1}.
 */
class EvidenceBrowserIT {

    @TempDir
    Path profiles;

    @TempDir
    Path files;

    private SignInSystem system;
    private Chromium chromium;

    @BeforeEach
    void start() throws Exception {
        Chromium.requireBrowser();
        system = SignInSystem.shared();
        chromium = new Chromium(getClass().getSimpleName(), profiles);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theReporterAttachesAScreenshotAndTheBoardDownloadsThePolicePackage() throws Exception {
        String web = system.webUrl();
        Api commands = new Api(system.commandServiceUrl());
        Api queries = new Api(system.queryServiceUrl());
        Api.Response reported = commands.post("teacher", "/api/incidents", Map.of("schoolId", "school-1",
                "platform", "FACEBOOK", "location", "https://www.facebook.com/groups/ouders/posts/1", "summary",
                "Parents threaten a teacher under a post.", "stage", "DERAILED", "harms", List.of("THREATENING"),
                "severity", "HIGH", "involvedParties", List.of(Map.of("personId", "ouder-ev1", "role", "PARENT",
                        "part", "AUTHOR")), "observedAt", Instant.now().minusSeconds(300).toString()));
        assertThat(reported.status()).isEqualTo(201);
        String id = reported.body().path("incidentId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> queries.get("teacher", "/api/incidents/" + id).body()
                .path("actions").toString().contains("ATTACH_EVIDENCE"));

        byte[] png = png();
        Path screenshot = Files.write(files.resolve("schermafdruk-bericht.png"), png);
        Path archive = Files.write(files.resolve("berichten.zip"), new byte[]{'P', 'K', 3, 4, 0, 0});

        Person teacher = chromium.person("teacher", web).signIn("/cases/" + id);
        teacher.waitFor(By.id("evidence"));
        assertThat(teacher.text("no-evidence")).isEqualTo("Er is nog geen bewijsmateriaal bij deze zaak.");
        assertThat(teacher.absent(By.id("police-package"))).as("the reporter does not make the police package").isTrue();
        teacher.browser.findElement(By.id("evidence-file")).sendKeys(archive.toString());
        teacher.click("submit-evidence");
        teacher.waitFor(By.id("evidence-file-problem"));
        assertThat(teacher.text("evidence-file-problem")).contains("Dit soort bestand kan niet worden toegevoegd");
        assertThat(teacher.browser.findElement(By.id("evidence-file")).getAttribute("aria-invalid")).isEqualTo("true");
        teacher.seen("evidence-refused");

        teacher.browser.findElement(By.id("evidence-file")).sendKeys(screenshot.toString());
        teacher.type("evidence-description", "Het bericht met de dreiging, voor het werd verwijderd.");
        teacher.click("submit-evidence");
        teacher.waitFor(By.id("done"));
        teacher.waitFor(By.id("evidence-files"));
        String sha256 = sha256(png);
        String listed = teacher.text(By.id("evidence-files"));
        assertThat(listed).contains("schermafdruk-bericht.png", sha256, "Het bericht met de dreiging");
        assertThat(teacher.text(By.id("timeline"))).contains("Bewijsmateriaal toegevoegd: schermafdruk-bericht.png");
        teacher.seen("evidence-attached");

        WebElement link = teacher.browser.findElement(By.cssSelector("#evidence-files a"));
        HttpResponse<byte[]> download = download(teacher, link.getAttribute("href"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).as("the very bytes chosen").isEqualTo(png);
        assertThat(download.headers().firstValue("X-Content-SHA256")).hasValue(sha256);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");

        Person board = chromium.person("board", web).signIn("/cases/" + id);
        board.waitFor(By.id("police-package"));
        assertThat(board.text(By.id("evidence-list"))).contains(sha256);
        board.seen("evidence-board");
        HttpResponse<byte[]> pack = download(board, board.browser.findElement(By.id("police-package")).getAttribute("href"));
        assertThat(pack.statusCode()).isEqualTo(200);
        assertThat(pack.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> zipped = unzip(pack.body());
        assertThat(zipped).containsKeys("manifest.json", "manifest.csv", "timeline.pdf", "timeline.json");
        JsonNode manifest = Api.JSON.readTree(zipped.get("manifest.json"));
        assertThat(manifest.path("incidentId").asText()).isEqualTo(id);
        for (JsonNode file : manifest.path("files")) {
            assertThat(zipped).containsKey(file.path("file").asText());
            assertThat(sha256(zipped.get(file.path("file").asText()))).as(file.path("file").asText())
                    .isEqualTo(file.path("sha256").asText());
        }
        JsonNode evidence = manifest.path("files").get(0);
        assertThat(evidence.path("file").asText()).isEqualTo("bewijs/01-schermafdruk-bericht.png");
        assertThat(evidence.path("sha256").asText()).isEqualTo(sha256);
        assertThat(zipped.get("bewijs/01-schermafdruk-bericht.png")).isEqualTo(png);
    }

    /** The file behind a link of the page, fetched with the person's own session, as the browser would. */
    private static HttpResponse<byte[]> download(Person person, String href) throws Exception {
        String cookies = person.browser.manage().getCookies().stream().map(Cookie::toString)
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies)
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A real 1 by 1 PNG (signature, header, one pixel's data, end). */
    private static byte[] png() {
        return HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                + "0000000d49444154789c6360f8cfc0f01f0005000201a5f0c1a80000000049454e44ae426082");
    }
}
