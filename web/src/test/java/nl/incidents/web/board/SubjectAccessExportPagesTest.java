package nl.incidents.web.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.incidents.web.services.ClientAddress;
import nl.incidents.web.testing.SignedInPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The right of access export (inzage-export) on the board's person dossier page, with a stand-in query service that
 * answers as the real one does: the board sees the links "Inzage-export (PDF)" and "(JSON)" (in English too), and each
 * download is the query service's answer passed on whole, with its type and file name, asked with the board member's
 * own token and the browser's address. A manager sees no links, and a manager who follows one anyway is refused in
 * plain Dutch.
 */
@SpringBootTest(properties = "server.port=18945")
@AutoConfigureMockMvc
class SubjectAccessExportPagesTest {

    static final Map<String, String> MEMBERS = Map.of(
            "Bearer token-of-board", """
                    {"id":"board","name":"Bea Bestuur","role":"BOARD","schools":[]}""",
            "Bearer token-of-manager", """
                    {"id":"manager","name":"Mark Manager","role":"MANAGER","schools":[{"id":"school-1","name":"OBS De Esch"}]}""");
    static final String DOSSIER = """
            {"personId":"pupil-7","kind":"PUPIL","entries":[{"incidentId":"3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21",
             "schoolId":"school-1","type":"MEASURE","partyRole":"PUPIL","measure":"WARNING","text":"Shared the threat",
             "recordedAt":"2026-11-30T10:15:00+01:00","recordedBy":{"id":"board","role":"BOARD"}}]}""";
    static final String EXPORT = """
            {"personId":"pupil-7","exportedAt":"2026-11-30T10:15:00+01:00","exportedBy":{"id":"board","role":"BOARD"},
             "dossier":[],"cases":[],"reads":[]}""";
    /** A stand-in PDF: every byte value, over several buffers' worth, so that nothing is lost or changed on the way. */
    static final byte[] PDF = pdf();
    static final String FORBIDDEN = """
            {"title":"Forbidden","status":403,"code":"subject-access.board-only","detail":"Only the board exports."}""";

    static final List<String> ASKED = new CopyOnWriteArrayList<>();
    static final HttpServer QUERY_SERVICE = queryService();

    @DynamicPropertySource
    static void queryServiceUrl(DynamicPropertyRegistry registry) {
        registry.add("incidents.web.query-service-url", () -> "http://127.0.0.1:" + QUERY_SERVICE.getAddress().getPort());
    }

    @AfterAll
    static void stopQueryService() {
        QUERY_SERVICE.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    @BeforeEach
    void forget() {
        ASKED.clear();
    }

    @Test
    void theBoardSeesBothDownloadLinksOnThePersonsDossierPageInDutchAndEnglish() throws Exception {
        String page = signedIn().page("board", get("/people/pupil-7"), 200, "nl");
        assertThat(page).contains("href=\"/people/pupil-7/export.pdf\"", ">Inzage-export (PDF)<",
                "href=\"/people/pupil-7/export.json\"", ">(JSON)<", "aria-label=\"Inzage-export (JSON)\"",
                "Inzageverzoek (artikel 15 AVG)");
        assertThat(signedIn().page("board", get("/people/pupil-7").param("lang", "en"), 200, "nl"))
                .contains(">Access export (PDF)<", "aria-label=\"Access export (JSON)\"", "Request for access (article 15 GDPR)");
        assertThat(signedIn().page("manager", get("/people/pupil-7"), 200, "nl"))
                .doesNotContain("/export.pdf", "/export.json", "Inzage-export");
    }

    @Test
    void theBoardDownloadsThePdfAsTheQueryServiceWroteItWithTheirOwnToken() throws Exception {
        MockHttpServletResponse download = signedIn().response("board",
                get("/people/pupil-7/export.pdf").with(from("192.0.2.44")), 200, "nl");
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        ContentDisposition disposition = ContentDisposition.parse(download.getHeader(HttpHeaders.CONTENT_DISPOSITION));
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).isEqualTo("inzage-20261130-101500.pdf");
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(ASKED).containsExactly(
                "Bearer token-of-board /api/people/pupil-7/export.pdf accept application/pdf from 192.0.2.44");
    }

    @Test
    void theBoardDownloadsTheJsonToo() throws Exception {
        MockHttpServletResponse download = signedIn().response("board", get("/people/pupil-7/export.json"), 200, "nl");
        assertThat(download.getContentType()).startsWith("application/json");
        assertThat(ContentDisposition.parse(download.getHeader(HttpHeaders.CONTENT_DISPOSITION)).getFilename())
                .isEqualTo("inzage-20261130-101500.json");
        assertThat(download.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(EXPORT);
        assertThat(ASKED).singleElement().asString().startsWith("Bearer token-of-board /api/people/pupil-7/export accept application/json");
    }

    @Test
    void aManagerWhoFollowsTheLinkAnywayIsRefusedInPlainDutch() throws Exception {
        MockHttpServletResponse refused = signedIn().response("manager", get("/people/pupil-7/export.pdf"), 403, "nl");
        assertThat(refused.getContentType()).startsWith("text/html");
        assertThat(refused.getHeader(HttpHeaders.CONTENT_DISPOSITION)).isNull();
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Alleen het bestuur maakt een inzage-export.");
        assertThat(signedIn().page("board", get("/people/not a person/export.json"), 404, "nl"))
                .contains("Er staat niets over deze persoon vastgelegd dat u mag inzien.");
    }

    private SignedInPages signedIn() {
        return new SignedInPages(mvc, registrations, authorizedClients);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static byte[] pdf() {
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[200_000];
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = head.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    /**
     * The query service as these pages use it: {@code /api/me}, the header's unread count, the pupil's dossier, and the export as PDF and JSON
     * for the board (403 with the service's code for anyone else); it notes each export asked for, with the token, what
     * was accepted and the browser's address the web module passed on.
     */
    private static HttpServer queryService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                String path = exchange.getRequestURI().getPath();
                boolean board = "Bearer token-of-board".equals(authorization);
                if (path.equals("/api/me") && MEMBERS.containsKey(authorization)) {
                    SignedInPages.answer(exchange, 200, MEMBERS.get(authorization));
                    return;
                }
                if (path.equals("/api/people/pupil-7/dossier")) {
                    SignedInPages.answer(exchange, 200, DOSSIER);
                    return;
                }
                if (path.equals("/api/inbox/unread")) {
                    // The header's count, asked on every page (and so before a download too).
                    SignedInPages.answer(exchange, 200, "{\"unread\":0}");
                    return;
                }
                ASKED.add(authorization + " " + path + " accept " + exchange.getRequestHeaders().getFirst(HttpHeaders.ACCEPT)
                        + " from " + exchange.getRequestHeaders().getFirst(ClientAddress.HEADER));
                if (!board) {
                    SignedInPages.answer(exchange, 403, FORBIDDEN);
                } else if (path.equals("/api/people/pupil-7/export.pdf")) {
                    exchange.getResponseHeaders().add("Content-Type", "application/pdf");
                    exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"inzage-20261130-101500.pdf\"");
                    exchange.sendResponseHeaders(200, PDF.length);
                    exchange.getResponseBody().write(PDF);
                    exchange.close();
                } else if (path.equals("/api/people/pupil-7/export")) {
                    exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"inzage-20261130-101500.json\"");
                    SignedInPages.answer(exchange, 200, EXPORT);
                } else {
                    SignedInPages.answer(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
