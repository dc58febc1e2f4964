package nl.incidents.web.cases;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.web.layout.CurrentMember;
import nl.incidents.web.services.ServiceProblem;
import nl.incidents.web.start.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The case pages (zaken): the list of the cases the person may see ({@code GET /cases}: for a manager their work
 * list with what is due next and when, overdue cases on top; for the board every case, the same way; for the
 * communications department the cases it was informed of), the case page ({@code GET /cases/{id}}: the sections of
 * the dossier the person may read, and a form for each step of the protocol the query service says they may take
 * now), and the steps themselves ({@code POST /cases/{id}/<step>}, see {@link ProtocolStep}): each calls the command
 * API with the person's token and goes back to the case page (post-redirect-get), with the refusal next to the
 * field or the step, in the person's language, when the service refuses.
 *
 * <p>Live: with the {@code HX-Request} header the list answers only its list ({@code cases/list :: list}) and the
 * case page only its facts ({@code cases/case :: facts}), which the pages ask for on {@code sse:case-changed}.
 */
@Controller
class CasesController {

    private static final Logger log = LoggerFactory.getLogger(CasesController.class);
    static final int PAGE_SIZE = 50;
    /** How long a step waits for the query service to show it before going back to the case page. */
    static final java.time.Duration CATCH_UP = java.time.Duration.ofSeconds(3);

    private final RestClient queryService;
    private final RestClient commandService;
    private final CurrentMember currentMember;
    private final MessageSource messages;

    CasesController(RestClient queryService, RestClient commandService, CurrentMember currentMember,
                    MessageSource messages) {
        this.queryService = queryService;
        this.commandService = commandService;
        this.currentMember = currentMember;
        this.messages = messages;
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) String after, @RequestHeader(name = "HX-Request", required = false) String htmx,
                HttpSession session, Model model, HttpServletResponse response, Locale locale) {
        String role = currentMember.of(session).map(Member::role).orElse("");
        boolean handles = "MANAGER".equals(role) || "BOARD".equals(role);
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/incidents").queryParam("size", PAGE_SIZE);
        if (handles) {
            uri.queryParam("sort", "due");
        }
        if (after != null && !after.isBlank()) {
            uri.queryParam("after", after);
        }
        model.addAttribute("heading", "cases.list.heading." + (role.isEmpty() ? "STAFF" : role));
        model.addAttribute("handles", handles);
        model.addAttribute("after", after);
        try {
            // A URI, not a text: a text would be read as a template again, and a brace in `after` would break it.
            java.net.URI address = uri.encode().build().toUri();
            model.addAttribute("page", queryService.get().uri(address).accept(MediaType.APPLICATION_JSON).retrieve()
                    .body(CaseViews.CasePage.class));
        } catch (RestClientResponseException refused) {
            response.setStatus(refused.getStatusCode().value());
            model.addAttribute("problem", ServiceProblem.of(refused).text(messages, locale));
        } catch (RestClientException away) {
            log.warn("The query service did not answer the case list: {}", away.toString());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("problem", messages.getMessage("refusal.service.unavailable", null, locale));
        }
        return htmx != null ? "cases/list :: list" : "cases/list";
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                HttpServletResponse response, Locale locale) {
        model.addAttribute("caseId", id.toString());
        try {
            CaseViews.Dossier dossier = queryService.get().uri("/api/incidents/{id}", id)
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(CaseViews.Dossier.class);
            model.addAttribute("dossier", dossier);
            model.addAttribute("steps", offered(dossier));
            model.addAttribute("measureChoices", measureChoices(dossier));
            model.addAttribute("strategyElements", List.of(ResponseStrategy.values()));
        } catch (RestClientResponseException refused) {
            response.setStatus(refused.getStatusCode().value());
            model.addAttribute("problem", ServiceProblem.of(refused).text(messages, locale));
        } catch (RestClientException away) {
            log.warn("The query service did not answer the dossier: {}", away.toString());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("problem", messages.getMessage("refusal.service.unavailable", null, locale));
        }
        return htmx != null ? "cases/case :: facts" : "cases/case";
    }

    @PostMapping("/cases/{id}/{step}")
    String take(@PathVariable UUID id, @PathVariable("step") String path, @RequestParam MultiValueMap<String, String> form,
                RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        ProtocolStep step = ProtocolStep.at(path);
        if (step == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        int before = timelineLength(id);
        try {
            commandService.post().uri("/api/incidents/{id}/{step}", id, step.commandPath())
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                    .body(body(step, form)).retrieve().toBodilessEntity();
            redirect.addFlashAttribute("done", step.path());
            awaitTimelineLongerThan(id, before);
        } catch (RestClientResponseException refused) {
            ServiceProblem problem = ServiceProblem.of(refused);
            redirect.addFlashAttribute("refusal", new Refusal(step.path(), problem.field(), problem.text(messages, locale)));
            redirect.addFlashAttribute("filled", filled(step, form));
        } catch (RestClientException away) {
            log.warn("The command service did not answer {}: {}", step.path(), away.toString());
            redirect.addFlashAttribute("refusal", new Refusal(step.path(), null,
                    messages.getMessage("refusal.service.unavailable", null, locale)));
            redirect.addFlashAttribute("filled", filled(step, form));
        }
        // The step in the address as well: the "done" or the refusal waits (as a flash attribute) for the request
        // with exactly this address, so the page's own live refresh (a GET of /cases/{id} that the step's event may
        // set off before the browser follows this redirect) cannot take it away.
        return "redirect:/cases/" + id + "?step=" + step.path() + "#step-" + step.path();
    }

    /**
     * A refused step, for the case page: which step ({@link ProtocolStep#path()}), the field at fault (the command's
     * JSON name, or null), and what to say, in the person's language.
     */
    public record Refusal(String step, String field, String text) {

        /** Whether the refusal is about this field of this step. */
        public boolean about(String stepPath, String name) {
            return step.equals(stepPath) && name.equals(field);
        }

        /** Whether the refusal is about this step but none of its fields (then shown by the step's button). */
        public boolean aboutStep(String stepPath, List<String> fields) {
            return step.equals(stepPath) && (field == null || !fields.contains(field));
        }
    }

    /** How many lines the case's timeline has now, as the person reads it (-1 when it cannot be read). */
    private int timelineLength(UUID id) {
        try {
            CaseViews.Dossier dossier = queryService.get().uri("/api/incidents/{id}", id)
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(CaseViews.Dossier.class);
            return dossier == null ? -1 : dossier.timeline().size();
        } catch (RestClientException e) {
            return -1;
        }
    }

    /**
     * Waits (at most {@link #CATCH_UP}) until the query service shows the step just taken, so that the case page the
     * person returns to shows it and offers the steps that follow: the query side follows the command side within a
     * fraction of a second. The page shows what is there after the wait in any case.
     */
    private void awaitTimelineLongerThan(UUID id, int before) {
        if (before < 0) {
            return;
        }
        long until = System.nanoTime() + CATCH_UP.toNanos();
        while (System.nanoTime() < until && timelineLength(id) <= before) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The steps the dossier's actions allow, in the protocol's order. */
    static List<ProtocolStep> offered(CaseViews.Dossier dossier) {
        List<ProtocolStep> steps = new ArrayList<>();
        for (ProtocolStep step : ProtocolStep.values()) {
            if (step.allowedBy(dossier.actions())) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** The measures this person may impose now: the light ones, and the heavy ones when the dossier allows them. */
    static List<Measure> measureChoices(CaseViews.Dossier dossier) {
        boolean light = dossier.allows("IMPOSE_LIGHT_MEASURE");
        boolean heavy = dossier.allows("IMPOSE_HEAVY_MEASURE");
        return java.util.Arrays.stream(Measure.values()).filter(m -> m.heavy() ? heavy : light).toList();
    }

    /** The command's body: each field of the step once, trimmed; an empty field left out (the service names it). */
    static Map<String, Object> body(ProtocolStep step, MultiValueMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : step.fields()) {
            List<String> values = form.getOrDefault(field, List.of());
            if (ProtocolStep.LISTS.contains(field)) {
                body.put(field, values.stream().filter(v -> !v.isBlank()).map(String::trim).toList());
            } else if (!values.isEmpty() && values.get(0) != null && !values.get(0).isBlank()) {
                body.put(field, values.get(0).strip());
            }
        }
        return body;
    }

    /** What the person filled in, to fill the form again after a refusal (the step's own fields only). */
    private static Map<String, Object> filled(ProtocolStep step, MultiValueMap<String, String> form) {
        Map<String, Object> filled = new LinkedHashMap<>();
        filled.put("step", step.path());
        for (String field : step.fields()) {
            List<String> values = form.getOrDefault(field, List.of());
            filled.put(field, ProtocolStep.LISTS.contains(field) ? List.copyOf(values)
                    : values.isEmpty() ? "" : values.get(0));
        }
        return filled;
    }
}
