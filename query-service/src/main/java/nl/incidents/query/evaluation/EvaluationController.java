package nl.incidents.query.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import nl.incidents.query.Queries;
import nl.incidents.support.web.ProblemAnswers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The protocol evaluation (evaluatie van het protocol) as JSON, as CSV ({@link EvaluationCsv}) and as a PDF for the
 * board's meeting ({@link EvaluationPdf}): the same answer in three forms. The board only (403, code
 * {@code evaluation.board-only}, before the dates are read); bad dates are 400 naming {@code from} or {@code to}.
 */
@RestController
class EvaluationController {

    /** The CSV's media type, UTF-8. */
    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private static final String WHAT = "For the whole board and each school: the cases reported in the period by "
            + "stage, harm (a case counts under each of its harms), platform and severity; hours from the report to the "
            + "first acknowledgement, to informing the communications department and to the police decision (cases "
            + "measured, median and 90th percentile by nearest rank); steps found overdue; escalations to the board by "
            + "why; measures by kind; police and inspector reports; outcomes at the period's end; each beside the "
            + "period of the same length just before. Names nobody: every count is rounded to a multiple of 5 (5 to 7 "
            + "read 5, 8 to 12 read 10, ...), so that no hidden count can be worked out by subtraction; a count of 1 to "
            + "4 reads <5, a school with fewer than 5 cases shows no breakdown (x), a time over fewer than 5 cases "
            + "reads x. The board only (403, code evaluation.board-only).";
    private static final String FROM = "The first day (yyyy-mm-dd, Dutch time); default 1 August two school years "
            + "before the current school year's start.";
    private static final String TO = "The day after the last (yyyy-mm-dd, exclusive); default 1 August of the current "
            + "school year. At most ten years after from.";

    private final Queries queries;

    EvaluationController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping(value = "/api/evaluation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The protocol evaluation of a period beside the one before it", description = WHAT)
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN})
    Evaluation json(@Parameter(description = FROM) @RequestParam(required = false) String from,
                    @Parameter(description = TO) @RequestParam(required = false) String to) {
        return evaluation(from, to);
    }

    @GetMapping(value = "/api/evaluation.csv", produces = "text/csv")
    @Operation(summary = "The protocol evaluation as CSV, one row per figure",
            description = WHAT + " Columns: scope, section, item, unit, period, previous period.")
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN})
    ResponseEntity<Evaluation> csv(@Parameter(description = FROM) @RequestParam(required = false) String from,
                               @Parameter(description = TO) @RequestParam(required = false) String to) {
        return download(TEXT_CSV, evaluation(from, to), "csv");
    }

    @GetMapping(value = "/api/evaluation.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The protocol evaluation as a PDF in Dutch for the board's meeting (A4)", description = WHAT)
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN})
    ResponseEntity<Evaluation> pdf(@Parameter(description = FROM) @RequestParam(required = false) String from,
                               @Parameter(description = TO) @RequestParam(required = false) String to) {
        return download(MediaType.APPLICATION_PDF, evaluation(from, to), "pdf");
    }

    private Evaluation evaluation(String from, String to) {
        return queries.one(FindEvaluation.of(from, to, queries.viewer()), Evaluation.class);
    }

    /** The evaluation as a download named after its period: {@code evaluatie-2024-08-01-tot-en-met-2026-07-31.pdf}. */
    private static ResponseEntity<Evaluation> download(MediaType type, Evaluation evaluation, String extension) {
        String name = "evaluatie-" + evaluation.period().from() + "-tot-en-met-" + evaluation.period().to().minusDays(1)
                + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(evaluation);
    }
}
