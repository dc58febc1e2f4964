package nl.incidents.web.board;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.incidents.web.cases.CaseViews;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A case as it stood at a moment (de zaak zoals die er toen voor stond), {@code GET /cases/{id}/as-of?at=}, for the
 * board: the moment picked in Dutch time ({@code at} as a date and time, {@code 2026-11-20T14:30}), the case's state,
 * its report and its timeline up to then from the query service's {@code GET /api/incidents/{id}/as-of}, and what
 * changed since. Without {@code at}, the form alone. The query service decides who may look (the board); a refusal,
 * a moment before the report and a moment that is no moment are said in plain words.
 */
@Controller
class AsOfController {

    static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final RestClient queryService;

    AsOfController(RestClient queryService) {
        this.queryService = queryService;
    }

    /**
     * What the query service answers: the moment, the dossier then, and the timeline's lines since.
     *
     * @param asOf    the moment, as the service read it
     * @param dossier the case as it stood then
     * @param since   what changed after it
     */
    record AsOf(java.time.OffsetDateTime asOf, CaseViews.Dossier dossier, List<CaseViews.TimelineEntry> since) {
    }

    @GetMapping("/cases/{id}/as-of")
    String asOf(@PathVariable UUID id, @RequestParam(required = false) String at, Model model,
                HttpServletResponse response) {
        model.addAttribute("incidentId", id.toString());
        model.addAttribute("at", at != null ? at
                : LocalDateTime.now(DUTCH_TIME).truncatedTo(ChronoUnit.MINUTES).toString());
        if (at == null || at.isBlank()) {
            return "board/as-of";
        }
        ZonedDateTime moment;
        try {
            moment = LocalDateTime.parse(at.strip()).atZone(DUTCH_TIME);
        } catch (DateTimeParseException notAMoment) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("atProblem", "board.asOf.notAMoment");
            return "board/as-of";
        }
        try {
            AsOf answer = queryService.get().uri(uri -> uri.path("/api/incidents/{id}/as-of")
                            // In UTC ("Z"): an offset's '+' would reach the service as a space in a query.
                            .queryParam("at", moment.toInstant().toString()).build(id))
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(AsOf.class);
            model.addAttribute("asOf", answer);
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "asOf", model, response);
        }
        return "board/as-of";
    }
}
