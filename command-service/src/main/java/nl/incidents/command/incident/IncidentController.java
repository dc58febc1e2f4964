package nl.incidents.command.incident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.UUID;
import nl.incidents.command.incident.IncidentRequests.Accepted;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.incident.AcknowledgeEscalation;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.AddNeedToKnowReader;
import nl.incidents.kernel.incident.AgreeResponseStrategy;
import nl.incidents.kernel.incident.CloseIncident;
import nl.incidents.kernel.incident.DeclinePoliceReport;
import nl.incidents.kernel.incident.EscalateToNextLevel;
import nl.incidents.kernel.incident.FileWithPolice;
import nl.incidents.kernel.incident.ImposeMeasure;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.LiftLegalHold;
import nl.incidents.kernel.incident.LiftNeedToKnow;
import nl.incidents.kernel.incident.NotifyCommunicationsDepartment;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.PlaceLegalHold;
import nl.incidents.kernel.incident.RecordCorrespondence;
import nl.incidents.kernel.incident.RecordPoliceReportOutcome;
import nl.incidents.kernel.incident.RemoveNeedToKnowReader;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.ReportToConfidentialInspector;
import nl.incidents.kernel.incident.RestrictToNeedToKnow;
import nl.incidents.support.IncidentsProperties;
import nl.incidents.support.directory.CurrentActor;
import nl.incidents.support.web.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The command API: one POST per step of the protocol. Each answers once the step is decided and stored,
 * with the case's id; a refusal stores nothing.
 */
@RestController
// A client that cannot take JSON is refused before the step is taken, not after it is stored.
@RequestMapping(path = "/api/incidents", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
class IncidentController {

    private final IncidentCommands commands;
    private final CurrentActor currentActor;
    private final String queryServiceUrl;

    IncidentController(IncidentCommands commands, CurrentActor currentActor,
                       IncidentsProperties properties) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.queryServiceUrl = properties.requiredQueryServiceUrl();
    }

    @PostMapping
    @Operation(summary = "Report a derailing discussion",
            description = "Staff and managers report about their own school; the board and the communications department "
                    + "about any. The case goes to the school's manager at once. Sending the same report again (same "
                    + "incidentId, same content) answers 200 with the same id and stores nothing; the same id with other "
                    + "content is 409.")
    @ApiResponse(responseCode = "201", description = "Reported; Location is where the query service shows the case",
            headers = @Header(name = "Location", description = "The case on the query service", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "200", description = "The same report was made before; nothing new is stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Accepted.class)))
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.CONFLICT})
    ResponseEntity<Accepted> report(@Valid @RequestBody IncidentRequests.Report body) {
        Actor reporter = currentActor.get();
        IncidentId id = new IncidentId(body.incidentId() != null ? body.incidentId() : UUID.randomUUID());
        boolean created = commands.send(new ReportDerailingDiscussion(id, body.schoolId(), body.platform(),
                body.location(), body.summary(), body.stage(), new LinkedHashSet<>(body.harms()), body.severity(),
                body.involvedParties().stream()
                        .map(p -> new InvolvedParty(new PersonId(p.personId()), p.role(), p.part())).toList(),
                body.observedAt()), reporter);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(queryServiceUrl + "/api/incidents/" + id))
                .body(new Accepted(id.toString()));
    }

    @PostMapping("/{id}/escalations")
    @Operation(summary = "Escalate the case one level up (manager to board)",
            description = "The case's assignee or the board.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted escalate(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Escalation body) {
        return send(id, new EscalateToNextLevel(new IncidentId(id), body.reason()));
    }

    @PostMapping("/{id}/acknowledgements")
    @Operation(summary = "Acknowledge the escalation, optionally with a note",
            description = "The current assignee only (at board level, any board member). The body may be left out.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted acknowledge(@PathVariable UUID id, @Valid @RequestBody(required = false) IncidentRequests.Acknowledgement body) {
        return send(id, new AcknowledgeEscalation(new IncidentId(id), body == null ? null : body.note()));
    }

    @PostMapping("/{id}/strategy")
    @Operation(summary = "Agree the response strategy", description = "The case's manager or the board, after acknowledgement.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted agreeStrategy(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Strategy body) {
        return send(id, new AgreeResponseStrategy(new IncidentId(id), new LinkedHashSet<>(body.elements()), body.description()));
    }

    @PostMapping("/{id}/communications-notifications")
    @Operation(summary = "Inform the communications department", description = "The case's manager or the board; once.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted notifyCommunications(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.CommunicationsNotification body) {
        return send(id, new NotifyCommunicationsDepartment(new IncidentId(id), body.message()));
    }

    @PostMapping("/{id}/police-reports")
    @Operation(summary = "Record a report filed with the police", description = "The board.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted fileWithPolice(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.PoliceReport body) {
        return send(id, new FileWithPolice(new IncidentId(id), body.offence(), body.policeReference()));
    }

    /** The board decides not to file with the police; this too takes the police decision that was due. */
    @PostMapping("/{id}/police-report-declined")
    @Operation(summary = "Record the decision not to file with the police",
            description = "The board; once, and in a legal-duty case only after the inspector was consulted.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted declinePoliceReport(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Reason body) {
        return send(id, new DeclinePoliceReport(new IncidentId(id), body.reason()));
    }

    /** The board records how a filed police report ended; until then it holds the case back from erasure. */
    @PostMapping("/{id}/police-report-outcome")
    @Operation(summary = "Record how the police report ended",
            description = "The board; once, after a report was filed; on an open or a closed case.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted recordPoliceReportOutcome(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Closure body) {
        return send(id, new RecordPoliceReportOutcome(new IncidentId(id), body.outcome()));
    }

    /** The board keeps the case past its retention period (bewaarblokkade), for the reason given. */
    @PostMapping("/{id}/legal-hold")
    @Operation(summary = "Place a legal hold on the case",
            description = "The board; on an open or a closed case, when no hold of the board is in force.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted placeLegalHold(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Reason body) {
        return send(id, new PlaceLegalHold(new IncidentId(id), body.reason()));
    }

    /** The board lifts its legal hold; the case's retention period counts again. */
    @PostMapping("/{id}/legal-hold-lifted")
    @Operation(summary = "Lift the board's legal hold on the case", description = "The board; while its hold is in force.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted liftLegalHold(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Reason body) {
        return send(id, new LiftLegalHold(new IncidentId(id), body.reason()));
    }

    /** The board makes the case need-to-know (alleen wie het moet weten), for the reason given. */
    @PostMapping("/{id}/need-to-know")
    @Operation(summary = "Mark the case need-to-know",
            description = "The board; on an open or a closed case that is not need-to-know yet (a legal-duty case is so "
                    + "from its report). From then on only the board and the people it adds read it, act on it and "
                    + "are told of it. The reason is kept in the history.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted restrictToNeedToKnow(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.NeedToKnowReason body) {
        return send(id, new RestrictToNeedToKnow(new IncidentId(id), body.reason()));
    }

    /** The board lifts its own need-to-know mark. */
    @PostMapping("/{id}/need-to-know-lifted")
    @Operation(summary = "Lift the board's need-to-know mark",
            description = "The board; never on a legal-duty case, which stays need-to-know.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted liftNeedToKnow(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.NeedToKnowReason body) {
        return send(id, new LiftNeedToKnow(new IncidentId(id), body.reason()));
    }

    @PostMapping("/{id}/need-to-know-readers")
    @Operation(summary = "Add a person to a need-to-know case",
            description = "The board; a person of the directory who is not involved in the case. They read and handle "
                    + "it as their role allows, and are told so in their inbox and by mail.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted addNeedToKnowReader(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Reader body) {
        return send(id, new AddNeedToKnowReader(new IncidentId(id), new PersonId(body.personId())));
    }

    @PostMapping("/{id}/need-to-know-reader-removals")
    @Operation(summary = "Take a person off a need-to-know case",
            description = "The board; a person it added. They no longer read it nor hear of it.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted removeNeedToKnowReader(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Reader body) {
        return send(id, new RemoveNeedToKnowReader(new IncidentId(id), new PersonId(body.personId())));
    }

    @PostMapping("/{id}/inspector-reports")
    @Operation(summary = "Record a report to the national confidential inspector",
            description = "The board; about a staff member involved in the case.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted reportToInspector(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.InspectorReport body) {
        return send(id, new ReportToConfidentialInspector(new IncidentId(id), new PersonId(body.personId()),
                body.summary(), body.inspectorReference()));
    }

    @PostMapping("/{id}/measures")
    @Operation(summary = "Impose a measure on a person involved",
            description = "Suspension and up, and removal, are the board's; warnings and reprimands also the case's manager. "
                    + "Only once the case is acknowledged, and only a measure that fits the person's role.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted imposeMeasure(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.MeasureRequest body) {
        return send(id, new ImposeMeasure(new IncidentId(id), new PersonId(body.personId()), body.measure(), body.reason()));
    }

    @PostMapping("/{id}/correspondence")
    @Operation(summary = "Record correspondence with or about a person involved",
            description = "The case's manager or the board; it goes into the person's dossier.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted recordCorrespondence(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Correspondence body) {
        return send(id, new RecordCorrespondence(new IncidentId(id), new PersonId(body.personId()), body.summary()));
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "Close the case with its outcome",
            description = "The case's manager or the board; not while the case waits for an acknowledgement, nor, in a "
                    + "legal-duty case, before the inspector was consulted and the police decision recorded.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    Accepted close(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Closure body) {
        return send(id, new CloseIncident(new IncidentId(id), body.outcome()));
    }

    private Accepted send(UUID id, Object command) {
        commands.send(command, currentActor.get());
        return new Accepted(id.toString());
    }
}
