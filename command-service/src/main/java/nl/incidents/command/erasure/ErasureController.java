package nl.incidents.command.erasure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.incident.EraseCase;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import nl.incidents.kernel.privacy.ErasureRequests;
import nl.incidents.support.directory.CurrentActor;
import nl.incidents.support.web.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The board's erasures (wissen, AVG art. 17): of a whole closed case, or of everything recorded about one person in
 * every case that holds data about them. Each takes the board's reference of the request, its legal ground and who
 * asked; the erasure is stored as an event in each case it touches, and the keys of what it erases are deleted with
 * it, so that data reads {@value nl.incidents.kernel.privacy.PersonalData#ERASED} everywhere from then on.
 */
@RestController
class ErasureController {

    private final IncidentCommands commands;
    private final CurrentActor currentActor;
    private final PersonErasures erasures;

    ErasureController(IncidentCommands commands, CurrentActor currentActor, PersonErasures erasures) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.erasures = erasures;
    }

    /**
     * An erasure request as the board recorded it.
     *
     * @param request     the reference in the board's register of AVG requests; its shape is the kernel's rule
     *                    ({@link ErasureRequests}), checked with the command so the refusal names it
     * @param ground      the legal ground
     * @param requestedBy who asked, by kind
     */
    record ErasureRequest(
            @Schema(description = "The request's reference in the board's register, such as AVG-2026-014; no name")
            @NotBlank(message = "must be given")
            String request,
            @NotNull(message = "must be given") ErasureGround ground,
            @NotNull(message = "must be given") ErasureRequester requestedBy) {
    }

    /** A case erased. */
    record CaseErasure(String incidentId) {
    }

    @PostMapping(path = "/api/incidents/{id}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Erase a closed case",
            description = "The board. Every text and person reference of the case becomes unreadable for ever; the "
                    + "erasure itself, with the request, the ground and who asked, stays in its history. Refused (409) "
                    + "for an open case and while anything holds the case (a legal hold, an open police report or "
                    + "inspector consultation).")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    CaseErasure eraseCase(@PathVariable UUID id, @Valid @RequestBody ErasureRequest body) {
        commands.send(new EraseCase(new IncidentId(id), body.request(), body.ground(), body.requestedBy()),
                currentActor.get());
        return new CaseErasure(id.toString());
    }

    @PostMapping(path = "/api/people/{personId}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Erase everything recorded about a person",
            description = "The board. In every case that holds data about the person (as a party, the subject of a "
                    + "measure or correspondence, the reporter), that data becomes unreadable for ever and the "
                    + "erasure is recorded in the case's history. A case held for a legal claim or an investigation "
                    + "keeps it and is listed under keptIn; 409 when every case does, 404 when no case holds "
                    + "anything about the person (any more).")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    PersonErasures.Result erasePerson(@PathVariable String personId, @Valid @RequestBody ErasureRequest body) {
        return erasures.erase(personId, body.request(), body.ground(), body.requestedBy(), currentActor.get());
    }
}
