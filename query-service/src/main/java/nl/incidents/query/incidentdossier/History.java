package nl.incidents.query.incidentdossier;

import java.util.List;
import nl.incidents.kernel.incident.IncidentId;

/** Every event of one case in order, as the board reviews it. */
public record History(IncidentId incidentId, List<HistoryEntry> entries) {

    public History {
        entries = List.copyOf(entries);
    }
}
