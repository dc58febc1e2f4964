package nl.incidents.query.subjectaccess;

import io.swagger.v3.oas.annotations.Operation;
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
 * The board's export of everything recorded about one person (the AVG's right of access, art. 15), as JSON and as a
 * PDF ({@link SubjectAccessPdf} writes the same answer). Each is a download named after when it was made, never after
 * the person; each is recorded in the access log as a read of the person's dossier.
 */
@RestController
class SubjectAccessController {

    private static final String WHAT = "The person's dossier entries; every case in which they are involved or the "
            + "subject of a measure or correspondence, with its facts that name nobody, their role and part, and the steps "
            + "about them; and who read about them. Not the case's free texts nor anything about other people (art. 15(4) "
            + "AVG). Erased data reads [verwijderd]. The board only (403 with code subject-access.board-only, before "
            + "anything is read); recorded in the access log as a read of the person's dossier.";

    private final Queries queries;

    SubjectAccessController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping(value = "/api/people/{personId}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Everything recorded about a person, for a request under the right of access (art. 15 AVG)",
            description = WHAT)
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN})
    ResponseEntity<SubjectAccessExport> json(@PathVariable String personId) {
        return download(personId, "json", MediaType.APPLICATION_JSON);
    }

    @GetMapping(value = "/api/people/{personId}/export.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The same export as a readable PDF in Dutch, for the person who asked",
            description = WHAT + " Times in Dutch time (Europe/Amsterdam).")
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN})
    ResponseEntity<SubjectAccessExport> pdf(@PathVariable String personId) {
        return download(personId, "pdf", MediaType.APPLICATION_PDF);
    }

    private ResponseEntity<SubjectAccessExport> download(String personId, String extension, MediaType type) {
        SubjectAccessExport export = queries.one(FindSubjectAccessExport.of(personId, queries.viewer()),
                SubjectAccessExport.class);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(export.fileName(extension)).build().toString())
                .body(export);
    }
}
