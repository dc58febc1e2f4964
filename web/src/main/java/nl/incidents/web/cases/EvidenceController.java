package nl.incidents.web.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.incidents.web.services.ServiceProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A case's evidence (bewijsmateriaal) on the case page: attaching a file ({@code POST /cases/{id}/evidence}, passed on
 * to the command service as it came, which decides and refuses; the refusal is shown next to the field), and the
 * downloads, passed through from the query service with the person's token: one file ({@code GET
 * /cases/{id}/evidence/{evidenceId}}) and the police package ({@code GET /cases/{id}/police-package}). A download the
 * service refuses answers its status with the refusal in the person's language, as plain text.
 */
@Controller
class EvidenceController {

    private static final Logger log = LoggerFactory.getLogger(EvidenceController.class);
    /** The headers of a download passed on to the browser. */
    private static final List<String> PASSED_ON = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_DISPOSITION,
            "X-Content-SHA256", "Repr-Digest", "X-Content-Type-Options", "Content-Security-Policy");

    private final RestClient queryService;
    private final RestClient commandService;
    private final MessageSource messages;

    EvidenceController(RestClient queryService, RestClient commandService, MessageSource messages) {
        this.queryService = queryService;
        this.commandService = commandService;
        this.messages = messages;
    }

    @PostMapping(path = "/cases/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String attach(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "description", required = false) String description,
                  RedirectAttributes redirect, Locale locale) throws IOException {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        HttpHeaders part = new HttpHeaders();
        if (file != null && file.getContentType() != null) {
            part.setContentType(MediaType.parseMediaType(file.getContentType()));
        }
        byte[] content = file == null ? new byte[0] : file.getBytes();
        form.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name.isEmpty() ? "file" : name;
            }
        }, part));
        if (description != null && !description.isBlank()) {
            form.add("description", description.strip());
        }
        int before = evidenceCount(id);
        try {
            commandService.post().uri("/api/incidents/{id}/evidence", id).contentType(MediaType.MULTIPART_FORM_DATA)
                    .accept(MediaType.APPLICATION_JSON).body(form).retrieve().toBodilessEntity();
            redirect.addFlashAttribute("done", "evidence");
            awaitEvidenceMoreThan(id, before);
        } catch (RestClientResponseException refused) {
            ServiceProblem problem = ServiceProblem.of(refused);
            redirect.addFlashAttribute("evidenceRefusal", new CasesController.Refusal("evidence",
                    problem.field(), problem.text(messages, locale)));
            redirect.addFlashAttribute("evidenceDescription", description);
        } catch (RestClientException away) {
            log.warn("The command service did not take the evidence: {}", away.toString());
            redirect.addFlashAttribute("evidenceRefusal", new CasesController.Refusal("evidence", null,
                    messages.getMessage("refusal.service.unavailable", null, locale)));
            redirect.addFlashAttribute("evidenceDescription", description);
        }
        return "redirect:/cases/" + id + "?step=evidence#evidence";
    }

    /** How many pieces of evidence the case page lists now (-1 when it cannot be read). */
    private int evidenceCount(UUID id) {
        try {
            CaseViews.Dossier dossier = queryService.get().uri("/api/incidents/{id}", id)
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(CaseViews.Dossier.class);
            return dossier == null || dossier.evidence() == null ? -1 : dossier.evidence().size();
        } catch (RestClientException e) {
            return -1;
        }
    }

    /**
     * Waits (at most {@link CasesController#CATCH_UP}) until the query service lists the file just attached, so the
     * case page the person returns to shows it; the page shows what is there after the wait in any case.
     */
    private void awaitEvidenceMoreThan(UUID id, int before) {
        if (before < 0) {
            return;
        }
        long until = System.nanoTime() + CasesController.CATCH_UP.toNanos();
        while (System.nanoTime() < until && evidenceCount(id) <= before) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @GetMapping("/cases/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID evidenceId, Locale locale) {
        return passOn("/api/incidents/{id}/evidence/{evidenceId}", locale, id, evidenceId);
    }

    @GetMapping("/cases/{id}/police-package")
    ResponseEntity<byte[]> policePackage(@PathVariable UUID id, Locale locale) {
        return passOn("/api/incidents/{id}/police-package", locale, id);
    }

    private ResponseEntity<byte[]> passOn(String path, Locale locale, Object... variables) {
        try {
            ResponseEntity<byte[]> answer = queryService.get().uri(path, variables).retrieve().toEntity(byte[].class);
            HttpHeaders headers = new HttpHeaders();
            for (String header : PASSED_ON) {
                List<String> values = answer.getHeaders().get(header);
                if (values != null) {
                    headers.put(header, values);
                }
            }
            headers.setCacheControl("no-store");
            return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
        } catch (RestClientResponseException refused) {
            return plain(HttpStatus.valueOf(refused.getStatusCode().value()), ServiceProblem.of(refused).text(messages, locale));
        } catch (RestClientException away) {
            log.warn("The query service did not answer a download: {}", away.toString());
            return plain(HttpStatus.SERVICE_UNAVAILABLE, messages.getMessage("refusal.service.unavailable", null, locale));
        }
    }

    private static ResponseEntity<byte[]> plain(HttpStatus status, String text) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(text.getBytes(StandardCharsets.UTF_8));
    }
}
