package nl.incidents.command.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.protocol.RecordKind;
import nl.incidents.kernel.protocol.Retention;
import nl.incidents.support.directory.CurrentActor;
import nl.incidents.support.web.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The board's dry run of the retention schedule ({@code GET /api/retention/due}): what the daily task would erase by a
 * moment, and when, and which cases are past their period but held. Decided by the same {@link RetentionPlan} as the
 * task; it erases nothing. Says which kinds of record go and how many people's dossier entries, never who. The board
 * only (403 {@code retention.board-only} for anyone else), checked before anything is read.
 */
@RestController
@RequestMapping(path = "/api/retention", produces = MediaType.APPLICATION_JSON_VALUE)
class RetentionController {

    /** The earliest and latest year {@code until} may name. */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 9999;

    private final RetentionSchedule schedule;
    private final CurrentActor currentActor;

    RetentionController(RetentionSchedule schedule, CurrentActor currentActor) {
        this.schedule = schedule;
        this.currentActor = currentActor;
    }

    /**
     * The dry run's answer.
     *
     * @param until    the moment asked about, Dutch time
     * @param periods  the retention periods in force, in years, by kind ({@code case}, {@code personnel-dossier},
     *                 {@code pupil-dossier})
     * @param erasable the cases the task erases something of by {@code until}, the earliest closed first
     * @param held     the cases with something past its period by {@code until} that a hold keeps now
     */
    record DueAnswer(OffsetDateTime until, Map<String, Integer> periods, List<CaseAnswer> erasable,
                     List<CaseAnswer> held) {
    }

    /**
     * One case in the dry run.
     *
     * @param holds the codes of what keeps it ({@code legal-hold}, {@code police-report},
     *              {@code inspector-consultation}); absent for an erasable case
     */
    record CaseAnswer(String incidentId, OffsetDateTime closedAt, List<PartAnswer> erase, List<String> holds) {
    }

    /**
     * One kind of record that goes.
     *
     * @param kind     {@code case} (the whole case, its dossier entries with it), {@code pupil-dossier} or
     *                 {@code personnel-dossier} (the entries of that kind: those people are erased from the case)
     * @param people   for a dossier kind, how many people's entries go; absent for the case
     * @param from     when the kind's retention period ends (or ended)
     * @param erasedAt the run of the daily task that erases it: the first at or after both {@code from} and now;
     *                 absent for a held case
     */
    record PartAnswer(String kind, Integer people, OffsetDateTime from, OffsetDateTime erasedAt) {
    }

    @GetMapping("/due")
    @Operation(summary = "What the retention periods erase (dry run)",
            description = "The board. Every closed case with something whose retention period has ended by `until`: "
                    + "the whole case, or the pupil or personnel dossier entries (with how many people), when the period "
                    + "ends and when the daily task erases it; and, apart, the cases that a legal hold, an open police "
                    + "report or an open consultation of the inspector keeps now. Nothing is erased.")
    @ApiResponse(responseCode = "200", description = "The dry run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DueAnswer.class)))
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN})
    DueAnswer due(@Parameter(description = "The moment asked about: a day (`2031-01-01`, to the end of that day, Dutch "
            + "time) or a time with its offset (`2031-01-01T03:00:00+01:00`); now when absent")
                  @RequestParam(required = false) String until) {
        if (currentActor.get().role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden("retention.board-only",
                    "Only the board sees what the retention periods erase.");
        }
        Instant now = schedule.now();
        Instant moment = until == null || until.isEmpty() ? now : moment(until);
        Map<String, Integer> periods = new LinkedHashMap<>();
        schedule.periods().byKind().forEach((kind, years) -> periods.put(kind.code(), years));
        List<RetentionPlan> plans = schedule.due(moment);
        return new DueAnswer(dutch(moment), periods,
                plans.stream().filter(p -> !p.held()).map(p -> answer(p, now)).toList(),
                plans.stream().filter(RetentionPlan::held).map(p -> answer(p, now)).toList());
    }

    private CaseAnswer answer(RetentionPlan plan, Instant now) {
        List<PartAnswer> parts = plan.parts().stream().map(part -> new PartAnswer(part.kind().code(),
                part.kind() == RecordKind.CASE ? null : part.people().size(), dutch(part.from()),
                plan.held() ? null : dutch(schedule.runAtOrAfter(part.from().isAfter(now) ? part.from() : now))))
                .toList();
        return new CaseAnswer(plan.incidentId().toString(), dutch(plan.closedAt()), parts,
                plan.held() ? RetentionSchedule.holdCodes(plan) : null);
    }

    /** A day (to its end, Dutch time) or a time with its offset; 400 naming {@code until} otherwise. */
    private static Instant moment(String until) {
        try {
            if (until.length() == 10) {
                LocalDate day = LocalDate.parse(until);
                if (inRange(day.getYear())) {
                    return day.plusDays(1).atStartOfDay(Retention.DUTCH_TIME).toInstant();
                }
            } else {
                OffsetDateTime time = OffsetDateTime.parse(until);
                if (inRange(time.getYear())) {
                    return time.toInstant();
                }
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw RequestRefused.invalid("retention.until", "until", "Give the moment as a day such as 2031-01-01, or as "
                + "a time with its offset such as 2031-01-01T03:00:00+01:00, in the years " + FIRST_YEAR + " to "
                + LAST_YEAR + ".");
    }

    private static boolean inRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    private static OffsetDateTime dutch(Instant at) {
        return at.atZone(Retention.DUTCH_TIME).toOffsetDateTime();
    }
}
