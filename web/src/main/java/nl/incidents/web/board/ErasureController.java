package nl.incidents.web.board;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.incidents.web.layout.CurrentMember;
import nl.incidents.web.layout.Names;
import nl.incidents.web.services.ServiceProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The board's erasure of a person (gegevens wissen, AVG art. 17), {@code /people/{personId}/erasure}: a form for
 * the request's reference in the board's register, its legal ground and who asked, sent to the command service's
 * {@code POST /api/people/{personId}/erasure}; the answer says in which cases the person's data was erased and which
 * keep it, and why (a legal hold, an open police report). A refusal is shown next to its field, the typed values kept.
 * Only the board sees the form; the command service checks it again. The erasure of a whole closed case is a step of
 * the case page.
 */
@Controller
class ErasureController {

    /** The legal grounds a board chooses from (the kernel's {@code ErasureGround}, without the retention task's). */
    static final List<String> GROUNDS = List.of("NO_LONGER_NEEDED", "CONSENT_WITHDRAWN", "OBJECTION",
            "UNLAWFULLY_PROCESSED", "LEGAL_OBLIGATION");
    /** Who may ask (the kernel's {@code ErasureRequester}, without the retention task). */
    static final List<String> REQUESTERS = List.of("DATA_SUBJECT", "PARENT_OR_GUARDIAN", "REPRESENTATIVE", "BOARD");
    private static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final RestClient commandService;
    private final CurrentMember currentMember;
    private final Names names;
    private final MessageSource messages;

    ErasureController(RestClient commandService, CurrentMember currentMember, Names names, MessageSource messages) {
        this.commandService = commandService;
        this.currentMember = currentMember;
        this.names = names;
        this.messages = messages;
    }

    @GetMapping("/people/{personId}/erasure")
    String form(@PathVariable String personId, Model model, HttpSession session, HttpServletResponse response) {
        return prepared(personId, model, session, response) ? "board/erasure" : "board/problem";
    }

    @PostMapping("/people/{personId}/erasure")
    String erase(@PathVariable String personId, @RequestParam(defaultValue = "") String request,
                 @RequestParam(defaultValue = "") String ground, @RequestParam(defaultValue = "") String requestedBy,
                 Model model, HttpSession session, HttpServletResponse response, Locale locale) {
        if (!prepared(personId, model, session, response)) {
            return "board/problem";
        }
        Map<String, String> filled = new LinkedHashMap<>();
        filled.put("request", request.strip());
        filled.put("ground", ground);
        filled.put("requestedBy", requestedBy);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request", request.strip());
        body.put("ground", ground.isEmpty() ? null : ground);
        body.put("requestedBy", requestedBy.isEmpty() ? null : requestedBy);
        try {
            JsonNode result = commandService.post().uri("/api/people/{personId}/erasure", personId)
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().body(JsonNode.class);
            model.addAttribute("result", result);
        } catch (RestClientResponseException refused) {
            ServiceProblem problem = ServiceProblem.of(refused);
            model.addAttribute("filled", filled);
            response.setStatus(refused.getStatusCode().value());
            model.addAttribute("problemField", problem.field());
            model.addAttribute("problemText", problem.text(messages, locale));
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "erasure", model, response);
        }
        return "board/erasure";
    }

    private boolean prepared(String personId, Model model, HttpSession session, HttpServletResponse response) {
        boolean board = currentMember.of(session).map(member -> "BOARD".equals(member.role())).orElse(false);
        if (!board) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("problem", "board.erasure.forbidden");
            return false;
        }
        if (!PERSON_ID.matcher(personId).matches()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", "board.dossier.notFound");
            return false;
        }
        model.addAttribute("personId", personId);
        model.addAttribute("personName", names.person(personId));
        model.addAttribute("grounds", GROUNDS);
        model.addAttribute("requesters", REQUESTERS);
        return true;
    }
}
