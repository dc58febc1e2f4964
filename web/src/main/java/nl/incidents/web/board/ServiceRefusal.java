package nl.incidents.web.board;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * What a board page shows when a service (the query service; the command service for the integrity check and the
 * retention schedule) does not give what it asked for: a plain sentence in the person's language instead of the
 * page's content, with the service's status passed on (403: you may not read this; 404: it does not exist, or nothing
 * you may read; 401: sign in again; anything else, or no answer: 503, try again later).
 * The message key goes into the model as {@code problem}; the template {@code board/problem} shows it.
 */
final class ServiceRefusal {

    private static final Logger log = LoggerFactory.getLogger(ServiceRefusal.class);

    private ServiceRefusal() {
    }

    /** Puts the sentence for this failure into the model, sets the answer's status and names the template. */
    static String show(RestClientException failure, String part, Model model, HttpServletResponse response) {
        int status;
        String problem;
        if (failure instanceof HttpClientErrorException.Forbidden) {
            status = HttpServletResponse.SC_FORBIDDEN;
            problem = "board." + part + ".forbidden";
        } else if (failure instanceof HttpClientErrorException.NotFound) {
            status = HttpServletResponse.SC_NOT_FOUND;
            problem = "board." + part + ".notFound";
        } else if (failure instanceof HttpClientErrorException.Unauthorized) {
            status = HttpServletResponse.SC_UNAUTHORIZED;
            problem = "board.signInAgain";
        } else if (failure instanceof HttpClientErrorException.BadRequest) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            problem = "board." + part + ".badRequest";
        } else {
            log.warn("A service did not answer the {} page: {}", part,
                    failure instanceof RestClientResponseException answered ? answered.getStatusCode() : failure.toString());
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            problem = "board.unavailable";
        }
        response.setStatus(status);
        model.addAttribute("problem", problem);
        return "board/problem";
    }
}
