package nl.incidents.web.layout;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import nl.incidents.web.start.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The signed-in person (ingelogde) as the board's directory knows them: the query service's
 * {@code GET /api/me}, asked once per session and kept in it (a person's role and schools do not
 * change while they are signed in; a change takes effect at the next sign-in). Empty when the
 * person is not in the directory or the query service does not answer; then it is asked again at
 * the next page.
 */
@Component
public class CurrentMember {

    static final String SESSION_KEY = CurrentMember.class.getName();
    private static final Logger log = LoggerFactory.getLogger(CurrentMember.class);

    private final RestClient queryService;

    CurrentMember(RestClient queryService) {
        this.queryService = queryService;
    }

    /** The person of this session, asking the query service the first time. */
    public Optional<Member> of(HttpSession session) {
        if (session.getAttribute(SESSION_KEY) instanceof Member known) {
            return Optional.of(known);
        }
        try {
            Member me = queryService.get().uri("/api/me").accept(MediaType.APPLICATION_JSON).retrieve().body(Member.class);
            if (me != null) {
                session.setAttribute(SESSION_KEY, me);
            }
            return Optional.ofNullable(me);
        } catch (RestClientException | OAuth2AuthorizationException e) {
            log.debug("Who the person is could not be asked: {}", e.toString());
            return Optional.empty();
        }
    }
}
