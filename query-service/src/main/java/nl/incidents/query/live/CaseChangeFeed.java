package nl.incidents.query.live;

import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.query.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Every event of a case changes what its readers see somewhere (the list, the case page, the board's dashboard), so
 * each one, in the projections' own processing group and transaction, is told to the case's readers.
 */
@Component
@ProcessingGroup(Projections.GROUP)
class CaseChangeFeed {

    private final LiveChanges changes;

    CaseChangeFeed(LiveChanges changes) {
        this.changes = changes;
    }

    @EventHandler
    void on(IncidentEvent event) {
        changes.caseChanged(event.incidentId());
    }
}
