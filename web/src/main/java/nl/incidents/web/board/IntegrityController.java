package nl.incidents.web.board;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.incidents.web.layout.CurrentMember;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The board's check of the tamper-evident history (controle van de geschiedenis), from the command service's
 * {@code /api/integrity}: {@code GET /board/integrity} offers a check of one case (by its number) and of the whole
 * store; {@code GET /board/integrity/cases/{id}} shows whether that case's hash chain holds, or the first event where it
 * breaks and how; {@code POST /board/integrity/verify} checks every case and every kept daily digest. The command
 * service decides who may (the board only); a refusal or an unknown case is said in plain words.
 */
@Controller
class IntegrityController {

    /** How long the whole store's check may take: it reads every case, far beyond a page's usual wait. */
    static final Duration WHOLE_STORE = Duration.ofMinutes(15);

    private final RestClient commandService;
    private final RestClient patientCommandService;
    private final CurrentMember currentMember;
    private final AtomicBoolean checkingStore = new AtomicBoolean();

    IntegrityController(RestClient commandService, CurrentMember currentMember) {
        this.commandService = commandService;
        this.patientCommandService = commandService.mutate().requestFactory(ClientHttpRequestFactoryBuilder.detect()
                .build(ClientHttpRequestFactorySettings.defaults().withConnectTimeout(Duration.ofSeconds(2)).withReadTimeout(WHOLE_STORE))).build();
        this.currentMember = currentMember;
    }

    /** The page with its two checks; someone who is not of the board reads at once that it is not for them. */
    @GetMapping("/board/integrity")
    String start(@RequestParam(name = "case", required = false) String caseNumber, Model model, HttpSession session,
                 HttpServletResponse response) {
        boolean board = currentMember.of(session).map(member -> "BOARD".equals(member.role())).orElse(false);
        if (!board) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("problem", "board.integrity.forbidden");
            return "board/problem";
        }
        if (caseNumber != null && !caseNumber.isBlank()) {
            try {
                return verifyCase(UUID.fromString(caseNumber.strip()), model, response);
            } catch (IllegalArgumentException notAnId) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("caseProblem", "board.integrity.notACaseNumber");
                model.addAttribute("caseNumber", caseNumber);
            }
        }
        return "board/integrity";
    }

    @GetMapping("/board/integrity/cases/{id}")
    String verifyCase(@PathVariable UUID id, Model model, HttpServletResponse response) {
        model.addAttribute("caseNumber", id.toString());
        try {
            JsonNode verification = commandService.get().uri("/api/integrity/cases/{id}", id)
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
            model.addAttribute("caseCheck", verification);
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "integrity", model, response);
        }
        return "board/integrity";
    }

    /**
     * The whole store's check, one at a time on this instance (a second click while one runs is told so, instead of
     * starting another full read of the store); it may take minutes on a large store.
     */
    @PostMapping("/board/integrity/verify")
    String verifyStore(Model model, HttpServletResponse response) {
        if (!checkingStore.compareAndSet(false, true)) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("storeProblem", "board.integrity.store.running");
            return "board/integrity";
        }
        try {
            JsonNode verification = patientCommandService.post().uri("/api/integrity/verify")
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
            model.addAttribute("storeCheck", verification);
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "integrity", model, response);
        } finally {
            checkingStore.set(false);
        }
        return "board/integrity";
    }
}
