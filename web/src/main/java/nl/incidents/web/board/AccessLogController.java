package nl.incidents.web.board;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.incidents.web.layout.Names;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The access log (inzagelog) pages: the board's log of a case ({@code GET /cases/{id}/access-log}, linked from the
 * case's history) and of a person ({@code GET /people/{personId}/access-log}, linked from their dossier), and "Wie las
 * mijn gegevens" ({@code GET /me/access-log}, linked from the start page) for everyone about themselves. Each is one
 * page of the query service's log, newest first, with a link to the older entries ({@code ?before=}). The query
 * service decides who may read which log; a refusal is said in plain words.
 */
@Controller
class AccessLogController {

    private static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    private final RestClient queryService;
    private final Names names;

    AccessLogController(RestClient queryService, Names names) {
        this.queryService = queryService;
        this.names = names;
    }

    @GetMapping("/cases/{id}/access-log")
    String ofCase(@PathVariable UUID id, @RequestParam(required = false) Long before, Model model,
                  HttpServletResponse response) {
        model.addAttribute("incidentId", id.toString());
        model.addAttribute("pagePath", "/cases/" + id + "/access-log");
        return board("/api/incidents/{id}/access-log", id.toString(), before, model, response);
    }

    @GetMapping("/people/{personId}/access-log")
    String ofPerson(@PathVariable String personId, @RequestParam(required = false) Long before, Model model,
                    HttpServletResponse response) {
        if (!PERSON_ID.matcher(personId).matches()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", "board.dossier.notFound");
            return "board/problem";
        }
        model.addAttribute("personId", personId);
        model.addAttribute("personName", names.person(personId));
        model.addAttribute("pagePath", "/people/" + personId + "/access-log");
        return board("/api/people/{id}/access-log", personId, before, model, response);
    }

    @GetMapping("/me/access-log")
    String own(@RequestParam(required = false) Long before, Model model, HttpServletResponse response) {
        try {
            OwnAccessLogView log = queryService.get().uri(uri -> uri.path("/api/me/access-log")
                            .queryParamIfPresent("before", Optional.ofNullable(before)).build())
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(OwnAccessLogView.class);
            model.addAttribute("log", log == null ? new OwnAccessLogView(null, null) : log);
            model.addAttribute("newest", before != null);
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "ownAccessLog", model, response);
        }
        return "board/own-access-log";
    }

    private String board(String path, String subject, Long before, Model model, HttpServletResponse response) {
        try {
            AccessLogView log = queryService.get().uri(uri -> uri.path(path)
                            .queryParamIfPresent("before", Optional.ofNullable(before)).build(subject))
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(AccessLogView.class);
            model.addAttribute("log", log == null ? new AccessLogView(null, null) : log);
            model.addAttribute("newest", before != null);
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "accessLog", model, response);
        }
        return "board/access-log";
    }
}
