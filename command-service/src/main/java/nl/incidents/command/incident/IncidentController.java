package nl.incidents.command.incident;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import nl.incidents.command.incident.IncidentRequests.Accepted;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.AcknowledgeEscalation;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.AgreeResponseStrategy;
import nl.incidents.kernel.incident.CloseIncident;
import nl.incidents.kernel.incident.EscalateToNextLevel;
import nl.incidents.kernel.incident.DeclinePoliceReport;
import nl.incidents.kernel.incident.FileWithPolice;
import nl.incidents.kernel.incident.ImposeMeasure;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.NotifyCommunicationsDepartment;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.RecordCorrespondence;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.ReportToConfidentialInspector;
import nl.incidents.support.directory.CurrentActor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The command API: one POST per step of the protocol. Each answers once the step is decided and stored. */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

    private final IncidentCommands commands;
    private final CurrentActor currentActor;
    private final OrganisationDirectory directory;
    private final String queryServiceUrl;

    IncidentController(IncidentCommands commands, CurrentActor currentActor, OrganisationDirectory directory,
                       @Value("${incidents.query-service-url}") String queryServiceUrl) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.directory = directory;
        this.queryServiceUrl = queryServiceUrl;
    }

    @PostMapping
    ResponseEntity<Accepted> report(@Valid @RequestBody IncidentRequests.Report body) {
        Actor reporter = currentActor.get();
        if (directory.school(body.schoolId()).isEmpty()) {
            throw RequestRefused.invalid("schoolId", "There is no school '" + body.schoolId() + "' at this board.");
        }
        IncidentId id = new IncidentId(body.incidentId() != null ? body.incidentId() : UUID.randomUUID());
        boolean created = commands.send(new ReportDerailingDiscussion(id, body.schoolId(), body.platform(),
                body.location(), body.summary(), body.stage(), body.harms(), body.severity(),
                body.involvedParties().stream()
                        .map(p -> new InvolvedParty(new PersonId(p.personId()), p.role(), p.part())).toList(),
                body.observedAt()), reporter);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(queryServiceUrl + "/api/incidents/" + id))
                .body(new Accepted(id.toString()));
    }

    @PostMapping("/{id}/escalations")
    Accepted escalate(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Escalation body) {
        return send(id, new EscalateToNextLevel(new IncidentId(id), body.reason()));
    }

    @PostMapping("/{id}/acknowledgements")
    Accepted acknowledge(@PathVariable UUID id, @Valid @RequestBody(required = false) IncidentRequests.Acknowledgement body) {
        return send(id, new AcknowledgeEscalation(new IncidentId(id), body == null ? null : body.note()));
    }

    @PostMapping("/{id}/strategy")
    Accepted agreeStrategy(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Strategy body) {
        return send(id, new AgreeResponseStrategy(new IncidentId(id), body.elements(), body.description()));
    }

    @PostMapping("/{id}/communications-notifications")
    Accepted notifyCommunications(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.CommunicationsNotification body) {
        return send(id, new NotifyCommunicationsDepartment(new IncidentId(id), body.message()));
    }

    @PostMapping("/{id}/police-reports")
    Accepted fileWithPolice(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.PoliceReport body) {
        return send(id, new FileWithPolice(new IncidentId(id), body.offence(), body.policeReference()));
    }

    /** The board decides not to file with the police; this too takes the police decision that was due. */
    @PostMapping("/{id}/police-report-declined")
    Accepted declinePoliceReport(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Reason body) {
        return send(id, new DeclinePoliceReport(new IncidentId(id), body.reason()));
    }

    @PostMapping("/{id}/inspector-reports")
    Accepted reportToInspector(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.InspectorReport body) {
        return send(id, new ReportToConfidentialInspector(new IncidentId(id), new PersonId(body.personId()),
                body.summary(), body.inspectorReference()));
    }

    @PostMapping("/{id}/measures")
    Accepted imposeMeasure(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.MeasureRequest body) {
        return send(id, new ImposeMeasure(new IncidentId(id), new PersonId(body.personId()), body.measure(), body.reason()));
    }

    @PostMapping("/{id}/correspondence")
    Accepted recordCorrespondence(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Correspondence body) {
        return send(id, new RecordCorrespondence(new IncidentId(id), new PersonId(body.personId()), body.summary()));
    }

    @PostMapping("/{id}/closure")
    Accepted close(@PathVariable UUID id, @Valid @RequestBody IncidentRequests.Closure body) {
        return send(id, new CloseIncident(new IncidentId(id), body.outcome()));
    }

    private Accepted send(UUID id, Object command) {
        commands.send(command, currentActor.get());
        return new Accepted(id.toString());
    }
}
