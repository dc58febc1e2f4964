package nl.incidents.command.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.support.chain.CaseVerification;
import nl.incidents.support.chain.HistoryDigest;
import nl.incidents.support.directory.CurrentActor;
import nl.incidents.support.web.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The board's check of the tamper-evident history: one case's hash chain ({@code GET /api/integrity/cases/{id}}) or
 * the whole store's with the kept daily digests ({@code POST /api/integrity/verify}). The board only (403
 * {@code integrity.board-only} for anyone else), checked before anything is read. On the command service, which owns
 * the event store; the query service's controllers only send queries.
 */
@RestController
@RequestMapping(path = "/api/integrity", produces = MediaType.APPLICATION_JSON_VALUE)
class IntegrityController {

    private final HistoryIntegrity integrity;
    private final CurrentActor currentActor;

    IntegrityController(HistoryIntegrity integrity, CurrentActor currentActor) {
        this.integrity = integrity;
        this.currentActor = currentActor;
    }

    /** One case's check, as answered. */
    record CaseAnswer(String caseId, boolean intact, long events, String head,
                      BreakAnswer firstBreak) {

        static CaseAnswer of(CaseVerification v) {
            return new CaseAnswer(v.caseId(), v.intact(), v.events(), v.head(),
                    v.firstBreak() == null ? null : new BreakAnswer(v.firstBreak().sequenceNumber(),
                            v.firstBreak().eventId(), v.firstBreak().type(), v.firstBreak().kind().name()));
        }
    }

    /** Where a chain breaks: the event's place, id and type, and how ({@code CHANGED}, {@code MISSING_OR_REORDERED}, {@code HASH_MISSING}). */
    record BreakAnswer(long sequenceNumber, String eventId, String type, String kind) {
    }

    /** A kept day's digest and what the store gives for it now. */
    record DayAnswer(LocalDate day, Instant upTo, String kept, String now, boolean unchanged) {
    }

    /** The whole store's check. */
    record StoreAnswer(boolean intact, long cases, long events, long chainedCases, long brokenCases,
                       List<CaseAnswer> broken, HistoryDigest heads, int daysChecked, List<DayAnswer> changedDays) {
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "Verify one case's history",
            description = "Recomputes the case's hash chain from its events as stored and names the first event where it "
                    + "breaks (number, id, type) and how. Events stored before the chain existed are counted, not faulted.")
    @ApiResponse(responseCode = "200", description = "The case's check (intact or not)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CaseAnswer.class)))
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND})
    CaseAnswer verifyCase(@PathVariable UUID id) {
        requireBoard();
        CaseVerification verification = integrity.verifyCase(id.toString());
        if (verification.events() == 0) {
            throw RequestRefused.notFound("integrity.unknown-case", "The store holds no case with this id.");
        }
        return CaseAnswer.of(verification);
    }

    @PostMapping("/verify")
    @Operation(summary = "Verify the whole history",
            description = "Checks every case's hash chain, one case at a time, and recomputes every kept daily digest: a "
                    + "day whose digest changed had its history rewritten afterwards. Lists at most 100 broken cases (counts all).")
    @ApiResponse(responseCode = "200", description = "The store's check (intact or not)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = StoreAnswer.class)))
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN})
    StoreAnswer verifyStore() {
        requireBoard();
        HistoryIntegrity.StoreReport report = integrity.verifyStore();
        var v = report.verification();
        return new StoreAnswer(report.intact(), v.cases(), v.events(), v.chainedCases(), v.brokenCases(),
                v.broken().stream().map(CaseAnswer::of).toList(), v.heads(), report.days().size(),
                report.changedDays().stream().map(d -> new DayAnswer(d.day(), d.upTo(), d.kept(), d.now(), false)).toList());
    }

    private void requireBoard() {
        Actor actor = currentActor.get();
        if (actor.role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden("integrity.board-only", "Only the board verifies the history.");
        }
    }
}
