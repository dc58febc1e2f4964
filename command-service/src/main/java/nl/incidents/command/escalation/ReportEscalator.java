package nl.incidents.command.escalation;

import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalateToManager;
import nl.incidents.kernel.incident.EscalateToNextLevel;
import nl.incidents.kernel.RequestRefused;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Escalates every report to the manager of its school at once (SKOW B.2, Altena B.3), without
 * anyone asking. It runs in a tracking processor, so a report stored just before a crash is still
 * escalated when the service comes back; the aggregate ignores a repeated escalation.
 */
@Component
@ProcessingGroup("escalation")
class ReportEscalator {

    private static final Logger LOG = LoggerFactory.getLogger(ReportEscalator.class);

    private final IncidentCommands commands;
    private final OrganisationDirectory directory;

    ReportEscalator(IncidentCommands commands, OrganisationDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @EventHandler
    void on(DerailingDiscussionReported event) {
        MetaData cause = MetaData.with(Actor.CAUSE_KEY, "report");
        directory.managerOf(event.schoolId()).ifPresentOrElse(
                manager -> commands.send(new EscalateToManager(event.incidentId(), manager.id(),
                        "Reported: the manager hears of it at once."), Actor.SYSTEM, cause),
                () -> toBoard(event, cause));
    }

    private void toBoard(DerailingDiscussionReported event, MetaData cause) {
        try {
            commands.send(new EscalateToNextLevel(event.incidentId(),
                    "School " + event.schoolId() + " has no manager on record."), Actor.SYSTEM, cause);
        } catch (CommandExecutionException e) {
            boolean alreadyWithBoard = e.getDetails().filter(RequestRefused.Details.class::isInstance)
                    .map(d -> ((RequestRefused.Details) d).kind() == RequestRefused.Kind.CONFLICT).orElse(false);
            if (!alreadyWithBoard) {
                throw e; // the processor stops and retries: a report must not stay unescalated
            }
            LOG.info("Incident {} is already with the board; nothing to escalate", event.incidentId());
        }
    }
}
