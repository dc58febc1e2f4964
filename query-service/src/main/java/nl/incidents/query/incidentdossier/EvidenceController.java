package nl.incidents.query.incidentdossier;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.query.Queries;
import nl.incidents.support.web.ProblemAnswers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's evidence (bewijsmateriaal), byte for byte as received, and its police package. Both are downloads, recorded
 * in the access log; a file never opens in the browser's page (attachment, no sniffing, a sandbox), since a saved page
 * may hold anyone's scripts.
 */
@RestController
class EvidenceController {

    /** The SHA-256 of the bytes sent, hexadecimal, as the case recorded it. */
    static final String SHA256_HEADER = "X-Content-SHA256";

    private final Queries queries;

    EvidenceController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/incidents/{id}/evidence/{evidenceId}")
    @Operation(summary = "One piece of a case's evidence, byte for byte as it was received",
            description = "Everyone who reads the case's dossier with its evidence. The answer carries the file's media "
                    + "type, its name in Content-Disposition, and its SHA-256 in X-Content-SHA256 (hexadecimal) and "
                    + "Repr-Digest (RFC 9530). 404 for evidence the case does not have or no longer keeps (erased).")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND})
    ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID evidenceId) {
        EvidenceFile file = queries.one(new FindEvidence(new IncidentId(id), evidenceId, queries.viewer()), EvidenceFile.class);
        IncidentDossier.EvidenceEntry entry = file.entry();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(entry.mediaType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(entry.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header(SHA256_HEADER, entry.sha256())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(entry.sha256())) + ":")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(file.content());
    }

    @GetMapping(value = "/api/incidents/{id}/police-package", produces = "application/zip")
    @Operation(summary = "The case's police package, for a criminal complaint (aangifte): one ZIP",
            description = "The case's manager and the board, not when involved in it. The ZIP holds every piece of "
                    + "evidence (bewijs/), timeline.pdf (the case's timeline in Dutch) and timeline.json, and manifest.json "
                    + "and manifest.csv with every file's SHA-256, size, media type, when it was received and by whose "
                    + "role it was attached, and the package's own creation time. 409 for an erased case.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    ResponseEntity<PolicePackage> policePackage(@PathVariable UUID id) {
        PolicePackage pack = queries.one(new FindPolicePackage(new IncidentId(id), queries.viewer()), PolicePackage.class);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pack.fileName()).build().toString())
                .body(pack);
    }
}
