package nl.incidents.web.live;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /live}: the signed-in person's live updates (live-bijwerkingen) as server-sent events, for the pages'
 * htmx SSE extension ({@code <body hx-ext="sse" sse-connect="/live">}): {@code case-changed} with a case's id when a
 * case the person may read changed, {@code inbox-changed} when a notice reached their inbox. It relays the query
 * service's stream ({@code GET /api/changes}) opened with the person's access token; see {@link LiveRelay}.
 */
@Controller
class LiveController {

    private final LiveRelay relay;
    private final PageActivity activity;

    LiveController(LiveRelay relay, PageActivity activity) {
        this.relay = relay;
        this.activity = activity;
    }

    /**
     * The stream lasts at most until the session would be idle (see {@link PageActivity}); opened for an idle
     * session, it ends that session and answers 401 (the page's next request asks for sign-in).
     */
    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(Authentication person, HttpServletRequest request, HttpServletResponse response) {
        Duration left = activity.remaining(request);
        if (left.isZero()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The session ended after 30 minutes without a page");
        }
        return relay.open(person, request, response, left);
    }
}
