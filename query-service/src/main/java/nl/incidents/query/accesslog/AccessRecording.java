package nl.incidents.query.accesslog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.logging.Pseudonym;
import nl.incidents.kernel.time.TimePrecision;
import nl.incidents.support.directory.CurrentActor;
import nl.incidents.support.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;

/**
 * Records every read of an incident dossier, a case's history, a case's evidence or police package, and a person
 * dossier (the board's right of access export of everything about a person counts as one; each of them as it stood at
 * a moment too), and every look at the board's case list or dashboard as they stood at a moment, in the access log, in
 * the request
 * that reads it: the answer is held back until its entry is stored, and when the entry cannot be stored the reader
 * gets 503 ({@code service.unavailable}) instead of the dossier, so no read goes unlogged. A refused read (403, or 404
 * for an unknown case or a dossier with nothing the reader may read) is recorded too, marked refused; an answer that is
 * no read (400 for bad input, a failure) is not. Which reads are recorded follows the controllers' own mappings (Spring
 * MVC's best matching pattern), so an address that reads a dossier cannot slip past by another spelling. Runs after
 * sign-in: a request without a signed-in member of the directory (401, a stranger's 403) reads nothing and is left to
 * the sign-in's own log.
 *
 * <p><b>From which address.</b> A call to the API is recorded with the caller's address: the TCP peer, or where that
 * peer is one of the query service's trusted proxies ({@code server.tomcat.remoteip.internal-proxies},
 * {@code INCIDENTS_TRUSTED_PROXIES}, this machine by default) the address it forwards in {@code X-Forwarded-For}. A
 * page's read reaches the query service from the web module, which forwards the browser's address (as its own trusted
 * proxies set-up established it) in {@value #CLIENT_ADDRESS_HEADER}. That header is believed only from the web module:
 * only when the request's access token was issued to the web module's own OAuth client ({@code client_id} of
 * RFC 9068, or {@code azp} of OpenID Connect, equal to {@code incidents.access-log.web-client-id}, the web module's
 * {@code INCIDENTS_OIDC_CLIENT_ID}). The web module is a confidential client and keeps its tokens on the server, so a
 * browser or another program cannot send such a token; whoever could (a thief of the web module's tokens) could read
 * as that person anyway, so the header adds no power. From any other caller the header is ignored. Such a read is
 * recorded as through a {@link Channel#PAGE}, any other as through the {@link Channel#API}.
 *
 * <p>Registered by {@link AccessLogConfiguration}. Its own log lines carry the case's id and pseudonyms of the person read
 * about and of the reader ({@link Pseudonym}), never a person's id, name or address.
 */
class AccessRecording extends OncePerRequestFilter {

    /** The header in which the web module forwards the browser's address; the web module sends the same name. */
    static final String CLIENT_ADDRESS_HEADER = "X-Incidents-Client-Address";

    private static final Logger log = LoggerFactory.getLogger(AccessRecording.class);
    private static final UrlPathHelper PATHS = new UrlPathHelper();
    /** The reads, by the pattern of the mapping that answers them (the controllers' own). */
    private static final Map<String, AccessKind> READS = Map.ofEntries(
            Map.entry("/api/incidents/{id}", AccessKind.INCIDENT_DOSSIER),
            Map.entry("/api/incidents/{id}/history", AccessKind.HISTORY),
            // A case as it stood at a moment is a read of its dossier, then.
            Map.entry("/api/incidents/{id}/as-of", AccessKind.INCIDENT_DOSSIER),
            Map.entry("/api/people/{personId}/dossier", AccessKind.PERSON_DOSSIER),
            // A person's dossier as it stood at a moment is a read of their dossier, then.
            Map.entry("/api/people/{personId}/dossier/as-of", AccessKind.PERSON_DOSSIER),
            // The board's case list and dashboard as they stood at a moment: who looked back, when, from where.
            Map.entry("/api/incidents/as-of", AccessKind.CASE_LIST_AS_OF),
            Map.entry("/api/dashboard/as-of", AccessKind.DASHBOARD_AS_OF),
            // The board's export for a request under the right of access: everything about the person, so a read of
            // their dossier.
            Map.entry("/api/people/{personId}/export", AccessKind.PERSON_DOSSIER),
            Map.entry("/api/people/{personId}/export.pdf", AccessKind.PERSON_DOSSIER),
            Map.entry("/api/incidents/{id}/evidence/{evidenceId}", AccessKind.EVIDENCE),
            Map.entry("/api/incidents/{id}/police-package", AccessKind.POLICE_PACKAGE));
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final AccessLog accessLog;
    private final CurrentActor currentActor;
    private final String webClientId;
    private final Clock clock;

    AccessRecording(AccessLog accessLog, CurrentActor currentActor, String webClientId) {
        this(accessLog, currentActor, webClientId, Clock.systemUTC());
    }

    /** With its own clock, for tests. */
    AccessRecording(AccessLog accessLog, CurrentActor currentActor, String webClientId, Clock clock) {
        this.accessLog = accessLog;
        this.currentActor = currentActor;
        this.webClientId = webClientId;
        this.clock = clock;
    }

    /** Only a GET (or HEAD) under the paths of the reads is held back and looked at. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = PATHS.getPathWithinApplication(request);
        return !("GET".equals(method) || "HEAD".equals(method))
                || !(path.startsWith("/api/incidents/") || path.startsWith("/api/people/")
                || path.equals("/api/dashboard/as-of"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        AccessLog.Read read = readOf(request, answer.getStatus());
        if (read != null) {
            try {
                accessLog.append(read);
                log.debug("Recorded a read of {} {} by {}{}", read.kind(), subject(read), Pseudonym.of(read.reader().id().value()),
                        read.refused() ? " (refused)" : "");
            } catch (RuntimeException failure) {
                log.warn("Could not record a read of {} {} by {} in the access log ({}); answered 503 instead", read.kind(),
                        subject(read), Pseudonym.of(read.reader().id().value()), failure.getClass().getSimpleName());
                answer.reset();
                ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable",
                        "The service cannot answer right now. Please try again in a moment.", request.getRequestURI());
                return;
            }
        }
        answer.copyBodyToResponse();
    }

    /** The read this answered request was, or null when it was none. */
    private AccessLog.Read readOf(HttpServletRequest request, int status) {
        boolean refused = status == HttpStatus.FORBIDDEN.value() || status == HttpStatus.NOT_FOUND.value();
        if (!(status == HttpStatus.OK.value() || refused)
                || !(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern)
                || !READS.containsKey(pattern)
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)) {
            return null;
        }
        Actor reader = currentActor.orNull();
        if (reader == null) {
            return null;
        }
        AccessKind kind = READS.get(pattern);
        IncidentId incident = null;
        PersonId person = null;
        if (!kind.namesASubject()) {
            // names no case or person
        } else if (kind == AccessKind.PERSON_DOSSIER) {
            Object id = variables.get("personId");
            if (!(id instanceof String text) || !PersonId.isValid(text)) {
                return null;
            }
            person = new PersonId(text);
        } else {
            try {
                incident = IncidentId.of(String.valueOf(variables.get("id")));
            } catch (IllegalArgumentException notAnId) {
                return null;
            }
        }
        boolean throughTheWebModule = throughTheWebModule();
        return new AccessLog.Read(TimePrecision.kept(clock.instant()), reader, kind, incident, person,
                address(request, throughTheWebModule), throughTheWebModule ? Channel.PAGE : Channel.API, refused);
    }

    /** Whether the request's access token was issued to the web module's client. */
    private boolean throughTheWebModule() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token) || webClientId == null || webClientId.isBlank()) {
            return false;
        }
        return webClientId.equals(token.getToken().getClaimAsString("client_id"))
                || webClientId.equals(token.getToken().getClaimAsString("azp"));
    }

    /**
     * The reader's address: the one the web module forwards for a page (when it is an IP address), else the request's
     * remote address (the TCP peer, or a trusted proxy's X-Forwarded-For, by Tomcat's RemoteIpValve).
     */
    static String address(HttpServletRequest request, boolean throughTheWebModule) {
        if (throughTheWebModule) {
            String forwarded = ipLiteral(request.getHeader(CLIENT_ADDRESS_HEADER));
            if (forwarded != null) {
                return forwarded;
            }
        }
        String remote = ipLiteral(request.getRemoteAddr());
        return remote == null ? "unknown" : remote;
    }

    /** An IPv4 or IPv6 literal in its usual form, or null for anything else (never a name: nothing is looked up). */
    static String ipLiteral(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        int zone = value.indexOf('%');
        if (zone > 0) {
            value = value.substring(0, zone);
        }
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (IPV4.matcher(value).matches()) {
            return value;
        }
        if (value.indexOf(':') >= 0 && IPV6.matcher(value).matches()) {
            try {
                // With a colon, getByName parses a literal and never asks DNS.
                return InetAddress.getByName(value).getHostAddress();
            } catch (UnknownHostException | SecurityException notALiteral) {
                return null;
            }
        }
        return null;
    }

    private static String subject(AccessLog.Read read) {
        // A case by its id; a person, like the reader, only by pseudonym: logs carry no personal data.
        if (read.incidentId() == null && read.personId() == null) {
            return "(no subject)";
        }
        return read.incidentId() != null ? read.incidentId().toString() : Pseudonym.of(read.personId().value());
    }
}
