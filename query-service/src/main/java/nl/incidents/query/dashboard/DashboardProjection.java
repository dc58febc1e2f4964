package nl.incidents.query.dashboard;

import java.time.Instant;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.query.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the board's dashboard rows ({@link DashboardRows}) from the event stream, in the one processing group of
 * all projections, so the dashboard never disagrees with the case list it counts.
 */
@Component
@ProcessingGroup(Projections.GROUP)
class DashboardProjection {

    private final DashboardRows rows;

    DashboardProjection(JdbcClient jdbc) {
        this.rows = new DashboardRows(jdbc);
    }

    @EventHandler
    void on(IncidentEvent event, EventMessage<?> message, @Timestamp Instant at) {
        if (DashboardRows.TYPES.contains(event.getClass())) {
            rows.apply(event, message.getIdentifier(), at);
        }
    }
}
