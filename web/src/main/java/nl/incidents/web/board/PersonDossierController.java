package nl.incidents.web.board;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import nl.incidents.web.layout.Names;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The personnel and pupil dossiers of a person (personeelsdossier, leerlingdossier), {@code GET /people/{personId}}:
 * the measures and correspondence recorded about them, each with its case, from the query service's
 * {@code GET /api/people/{personId}/dossier}. The query service decides who may read it (the board all, a manager
 * their schools' entries, anyone their own personnel dossier); a refusal or nothing recorded is said in plain words.
 * Where one id holds entries of several kinds, the page offers each ({@code ?kind=PERSONNEL}, {@code PUPIL},
 * {@code OTHER}).
 */
@Controller
class PersonDossierController {

    static final List<String> KINDS = List.of("PERSONNEL", "PUPIL", "OTHER");
    private static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final RestClient queryService;

    private final Names names;

    PersonDossierController(RestClient queryService, Names names) {
        this.names = names;
        this.queryService = queryService;
    }

    @GetMapping("/people/{personId}")
    String dossier(@PathVariable String personId, @RequestParam(required = false) String kind, Model model,
                   HttpServletResponse response) {
        model.addAttribute("personId", personId);
        // The person by name where the directory knows them (staff); pupils and parents by the board's reference.
        model.addAttribute("personName", names.person(personId));
        if (!PERSON_ID.matcher(personId).matches() || kind != null && !KINDS.contains(kind)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", "board.dossier.notFound");
            return "board/problem";
        }
        try {
            PersonDossierView dossier = queryService.get().uri(uri -> uri.path("/api/people/{personId}/dossier")
                            .queryParamIfPresent("kind", Optional.ofNullable(kind)).build(personId))
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(PersonDossierView.class);
            model.addAttribute("dossier", dossier);
        } catch (HttpClientErrorException.BadRequest severalKinds) {
            // Entries of more than one kind under this id: the person picks the dossier.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("kinds", KINDS);
            return "board/person";
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "dossier", model, response);
        }
        return "board/person";
    }
}
