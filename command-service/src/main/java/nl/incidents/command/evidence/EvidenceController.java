package nl.incidents.command.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.support.IncidentsProperties;
import nl.incidents.support.directory.CurrentActor;
import nl.incidents.support.web.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Takes a piece of evidence (bewijsmateriaal) for a case as a multipart form ({@code file}, and optionally {@code
 * description}) and hands it to {@link EvidenceIntake}, which checks it, lets the case decide and stores it.
 */
@RestController
class EvidenceController {

    private final EvidenceIntake intake;
    private final CurrentActor currentActor;
    private final String queryServiceUrl;

    EvidenceController(EvidenceIntake intake, CurrentActor currentActor, IncidentsProperties properties) {
        this.intake = intake;
        this.currentActor = currentActor;
        this.queryServiceUrl = properties.requiredQueryServiceUrl();
    }

    /** What was received: the evidence's id, its SHA-256 (hexadecimal) and when it was received. */
    record Received(String evidenceId, String sha256, Instant receivedAt) {
    }

    @PostMapping(path = "/api/incidents/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Attach evidence to the case: a screenshot, a PDF, a saved page or a text file",
            description = "The case's reporter, its manager, the one who holds it, or the board; nobody involved in the "
                    + "discussion; not on a closed case. Multipart form: `file` (PNG, JPEG, GIF, WebP, PDF, HTML, MHTML "
                    + "or plain text; at most `incidents.evidence.max-file-size`, 20 MB by default) and optionally "
                    + "`description`. The file is kept as received, with the SHA-256 of its bytes and the time it was "
                    + "received, encrypted with the case's key, never altered. A refused file (field `file`) stores "
                    + "nothing.")
    @ApiResponse(responseCode = "201", description = "Received and stored; Location is where the query service gives it back",
            headers = @Header(name = "Location", description = "The file on the query service", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Received.class)))
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT,
            HttpStatus.PAYLOAD_TOO_LARGE})
    ResponseEntity<Received> attach(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
                                    @RequestParam(name = "description", required = false) String description) throws IOException {
        EvidenceIntake.Kept kept;
        try (InputStream content = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            kept = intake.attach(new IncidentId(id), new EvidenceIntake.Upload(
                    file == null ? null : file.getOriginalFilename(), file == null ? null : file.getContentType(),
                    file == null ? 0 : file.getSize(), content, description), currentActor.get());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(queryServiceUrl + "/api/incidents/" + id + "/evidence/" + kept.evidenceId()))
                .body(new Received(kept.evidenceId().toString(), kept.sha256(), kept.receivedAt()));
    }
}
