package nl.incidents.query.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.directory.School;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.support.directory.CurrentActor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The recording around one read, without the service: a read is answered only once its entry is stored, and a read
 * whose entry cannot be stored is answered 503 without the dossier; what is no read is passed on untouched. And the
 * addresses it believes are IP literals only.
 */
class AccessRecordingTest {

    private static final String DOSSIER = "{\"incidentId\":\"3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21\",\"summary\":\"secret\"}";

    private final List<AccessLog.Read> stored = new ArrayList<>();
    private boolean storeFails;
    private final AccessLog log = new AccessLog(null, null, null) {
        @Override
        void append(Read read) {
            if (storeFails) {
                throw new DataAccessResourceFailureException("the database is away");
            }
            stored.add(read);
        }
    };
    private final AccessRecording recording = new AccessRecording(log, new CurrentActor(directory()), "incidents-web",
            Clock.fixed(Instant.parse("2026-11-30T09:15:00.123456Z"), ZoneOffset.UTC));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aReadIsAnsweredOnceItsEntryIsStored() throws Exception {
        MockHttpServletResponse response = read(200);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(DOSSIER);
        assertThat(stored).singleElement().satisfies(read -> {
            assertThat(read.reader().id().value()).isEqualTo("manager");
            assertThat(read.reader().role()).isEqualTo(ActorRole.MANAGER);
            assertThat(read.kind()).isEqualTo(AccessKind.INCIDENT_DOSSIER);
            assertThat(read.incidentId().toString()).isEqualTo("3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21");
            assertThat(read.at()).isEqualTo(Instant.parse("2026-11-30T09:15:00.123Z"));
            assertThat(read.address()).isEqualTo("192.0.2.10");
            assertThat(read.channel()).isEqualTo(Channel.API);
            assertThat(read.refused()).isFalse();
        });
    }

    @Test
    void aReadWhoseEntryCannotBeStoredIsAnswered503WithoutTheDossier() throws Exception {
        storeFails = true;
        MockHttpServletResponse response = read(200);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"code\":\"service.unavailable\"")
                .doesNotContain("secret");
    }

    @Test
    void aRefusalIsRecordedAsRefusedAndBadInputNotAtAll() throws Exception {
        assertThat(read(403).getStatus()).isEqualTo(403);
        assertThat(read(404).getStatus()).isEqualTo(404);
        assertThat(read(400).getStatus()).isEqualTo(400);
        assertThat(stored).extracting(AccessLog.Read::refused).containsExactly(true, true);
    }

    @Test
    void onlyIpLiteralsAreBelievedNeverANameToLookUp() {
        assertThat(AccessRecording.ipLiteral("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(AccessRecording.ipLiteral("2001:db8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(AccessRecording.ipLiteral("[2001:db8::1]")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(AccessRecording.ipLiteral("fe80::1%eth0")).isEqualTo("fe80:0:0:0:0:0:0:1");
        assertThat(AccessRecording.ipLiteral("::ffff:198.51.100.2")).isEqualTo("198.51.100.2");
        assertThat(AccessRecording.ipLiteral("example.org")).isNull();
        assertThat(AccessRecording.ipLiteral("cafe")).isNull();
        assertThat(AccessRecording.ipLiteral("256.1.1.1")).isNull();
        assertThat(AccessRecording.ipLiteral("1.2.3.4, 5.6.7.8")).isNull();
        assertThat(AccessRecording.ipLiteral(null)).isNull();
    }

    /** The manager asks for a case's dossier from 192.0.2.10; the controller answers {@code status}. */
    private MockHttpServletResponse read(int status) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("manager", null,
                AuthorityUtils.createAuthorityList("ROLE_MANAGER")));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/incidents/3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21");
        request.setRemoteAddr("192.0.2.10");
        request.addHeader(AccessRecording.CLIENT_ADDRESS_HEADER, "203.0.113.7"); // not from the web module: ignored
        MockHttpServletResponse response = new MockHttpServletResponse();
        recording.doFilter(request, response, (req, res) -> {
            req.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/incidents/{id}");
            req.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                    Map.of("id", "3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21"));
            jakarta.servlet.http.HttpServletResponse answer = (jakarta.servlet.http.HttpServletResponse) res;
            answer.setStatus(status);
            answer.setContentType("application/json");
            answer.getWriter().write(DOSSIER);
            answer.flushBuffer();
        });
        return response;
    }

    private static OrganisationDirectory directory() {
        return new OrganisationDirectory("Board", List.of(new School("school-1", "School 1", Region.NORTH)), List.of(
                new Member(new PersonId("manager"), "M", "m@example.nl", ActorRole.MANAGER, Set.of("school-1")),
                new Member(new PersonId("board"), "B", "b@example.nl", ActorRole.BOARD, Set.of())));
    }
}
