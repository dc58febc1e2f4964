package nl.incidents.web.start;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The start page (startpagina): who the signed-in person is (name or id, role, schools), as the query service's
 * {@code GET /api/me} answers with the person's token. Signed in but unknown to the board's directory (403), the
 * page says so in plain words; the query service unreachable or failing, it says that (503).
 */
@Controller
class StartController {

    private static final Logger log = LoggerFactory.getLogger(StartController.class);

    private final RestClient queryService;

    StartController(RestClient queryService) {
        this.queryService = queryService;
    }

    @GetMapping("/")
    String start(Model model, HttpServletResponse response) {
        try {
            Member me = queryService.get().uri("/api/me").accept(MediaType.APPLICATION_JSON).retrieve().body(Member.class);
            model.addAttribute("me", me);
        } catch (HttpClientErrorException.Forbidden notInDirectory) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("problem", "start.notInDirectory");
        } catch (HttpClientErrorException.Unauthorized refused) {
            // The service refused the token (the interceptor has dropped it): signing in again gets a new one.
            log.warn("The query service refused the person's access token: {}", refused.getResponseHeaders() == null
                    ? "" : refused.getResponseHeaders().getFirst("WWW-Authenticate"));
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.addAttribute("problem", "start.tokenRefused");
        } catch (RestClientException unavailable) {
            log.warn("The query service did not answer who the person is: {}", unavailable.toString());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("problem", "start.unavailable");
        }
        return "start";
    }
}
