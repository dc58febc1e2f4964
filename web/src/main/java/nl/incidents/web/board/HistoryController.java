package nl.incidents.web.board;

import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The full history of a case (geschiedenis), {@code GET /cases/{id}/history}: every event in order, what happened,
 * when (Dutch time), who, and on whose behalf or because of which deadline, from the query service's
 * {@code GET /api/incidents/{id}/history}. The query service decides who may read it (the board, unless involved);
 * a refusal or an unknown case is said in plain words. The people the case names link to their dossiers. The
 * list refreshes itself on {@code case-changed}.
 */
@Controller
class HistoryController {

    private static final ParameterizedTypeReference<List<HistoryEntryView>> ENTRIES = new ParameterizedTypeReference<>() {
    };

    private final RestClient queryService;

    HistoryController(RestClient queryService) {
        this.queryService = queryService;
    }

    @GetMapping("/cases/{id}/history")
    String history(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                   HttpServletResponse response) {
        model.addAttribute("incidentId", id.toString());
        try {
            List<HistoryEntryView> entries = queryService.get().uri("/api/incidents/{id}/history", id)
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(ENTRIES);
            model.addAttribute("entries", entries == null ? List.of() : entries);
            model.addAttribute("people", people(entries == null ? List.of() : entries));
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "history", model, response);
        }
        return htmx != null ? "board/history :: events" : "board/history";
    }

    /**
     * The people the case names, in the order it first names them: those involved in the report, and whoever a
     * measure, correspondence or an inspector's report is about; each links to their dossier.
     */
    static List<String> people(List<HistoryEntryView> entries) {
        Set<String> people = new LinkedHashSet<>();
        for (HistoryEntryView entry : entries) {
            JsonNode payload = entry.payload();
            if (payload == null) {
                continue;
            }
            payload.path("involvedParties").forEach(party -> add(people, party.path("personId")));
            add(people, payload.path("personId"));
            add(people, payload.path("staffMember"));
        }
        return List.copyOf(people);
    }

    private static void add(Set<String> people, JsonNode id) {
        if (id.isTextual() && !id.asText().isBlank()) {
            people.add(id.asText());
        }
    }
}
