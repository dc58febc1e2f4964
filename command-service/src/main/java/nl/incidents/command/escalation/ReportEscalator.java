package nl.incidents.command.escalation;

import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalateToManager;
import nl.incidents.kernel.incident.PersonId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Escalates every report to the manager of its school at once (SKOW B.2, Altena B.3), without
 * anyone asking. It runs in a tracking processor, so a report stored just before a crash is still
 * escalated when the service comes back; the aggregate ignores a repeated escalation.
 */
@Component
@ProcessingGroup("escalation")
class ReportEscalator {

    private final IncidentCommands commands;
    private final OrganisationDirectory directory;

    ReportEscalator(IncidentCommands commands, OrganisationDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @EventHandler
    void on(DerailingDiscussionReported event) {
        PersonId manager = directory.managerOf(event.schoolId()).map(Member::id).orElse(null);
        String reason = manager != null ? "Reported: the manager hears of it at once."
                : "Reported, and school " + event.schoolId() + " has no manager on record: straight to the board.";
        commands.send(new EscalateToManager(event.incidentId(), manager, reason), Actor.SYSTEM,
                MetaData.with(Actor.CAUSE_KEY, "report"));
    }
}
