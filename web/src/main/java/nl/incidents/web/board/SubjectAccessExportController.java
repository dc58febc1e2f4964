package nl.incidents.web.board;

import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The board's downloads of everything recorded about a person, for a request under the AVG's right of access (art. 15,
 * inzageverzoek), linked from the person's dossier page: {@code GET /people/{personId}/export.pdf} (a readable PDF in
 * Dutch) and {@code /export.json}. Each streams the query service's {@code GET /api/people/{personId}/export.pdf} or
 * {@code /export} as it comes, asked with the signed-in board member's own token, with its type, length and file name
 * ({@code Content-Disposition: attachment}, named after when it was made, never after the person). The query service
 * decides who may export (the board only) and records the export in the access log; a refusal or an outage is said in
 * plain words on the board's problem page, as the other board pages do.
 */
@Controller
class SubjectAccessExportController {

    private static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final String[] PASSED_ON = {HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_DISPOSITION};

    private final RestClient queryService;

    SubjectAccessExportController(RestClient queryService) {
        this.queryService = queryService;
    }

    @GetMapping("/people/{personId}/export.pdf")
    String pdf(@PathVariable String personId, Model model, HttpServletResponse response) {
        return download("/api/people/{personId}/export.pdf", MediaType.APPLICATION_PDF, personId, model, response);
    }

    @GetMapping("/people/{personId}/export.json")
    String json(@PathVariable String personId, Model model, HttpServletResponse response) {
        return download("/api/people/{personId}/export", MediaType.APPLICATION_JSON, personId, model, response);
    }

    /** Streams the answer into the response and returns no view, or names the problem page when there is none. */
    private String download(String path, MediaType type, String personId, Model model, HttpServletResponse response) {
        if (!PERSON_ID.matcher(personId).matches()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", "board.dossier.notFound");
            return "board/problem";
        }
        try {
            queryService.get().uri(path, personId).accept(type).exchange((request, answer) -> {
                if (answer.getStatusCode().isError()) {
                    new DefaultResponseErrorHandler().handleError(request.getURI(), request.getMethod(), answer);
                }
                response.setStatus(HttpServletResponse.SC_OK);
                for (String header : PASSED_ON) {
                    String value = answer.getHeaders().getFirst(header);
                    if (value != null) {
                        response.setHeader(header, value);
                    }
                }
                StreamUtils.copy(answer.getBody(), response.getOutputStream());
                return null;
            }, true);
        } catch (RestClientException failure) {
            if (response.isCommitted()) {
                throw failure; // broken off while streaming: the browser sees an incomplete download, not a page
            }
            response.reset();
            return ServiceRefusal.show(failure, "export", model, response);
        }
        return null;
    }
}
