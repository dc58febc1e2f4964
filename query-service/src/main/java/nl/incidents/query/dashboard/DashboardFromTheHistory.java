package nl.incidents.query.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.json.IncidentsJson;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Query schema version 9.1: fills the dashboard's rows (V9) for the cases projected before they existed, from the
 * events in the history projection (read with the kernel's own mapping, as the dossier reads them), in each case's
 * order, by the same rule as the projection ({@link DashboardRows}). Java, not SQL, because what it needs is inside
 * the stored JSON. Spring Boot's Flyway runs it in order with the SQL migrations.
 */
@Component
public class DashboardFromTheHistory implements JavaMigration {

    private static final ObjectMapper JSON = IncidentsJson.messageMapper();
    private static final Map<String, Class<? extends IncidentEvent>> TYPES = DashboardRows.TYPES.stream()
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("9.1");
    }

    @Override
    public String getDescription() {
        return "dashboard from the history";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        DashboardRows rows = new DashboardRows(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
        String types = String.join(", ", TYPES.keySet().stream().map(type -> "'" + type + "'").toList());
        try (PreparedStatement events = connection.prepareStatement("SELECT event_id, event_type, occurred_at, payload"
                + " FROM incident_history WHERE event_type IN (" + types + ") ORDER BY incident_id, sequence_number");
             ResultSet rs = events.executeQuery()) {
            while (rs.next()) {
                IncidentEvent event = JSON.readValue(rs.getString("payload"), TYPES.get(rs.getString("event_type")));
                rows.apply(event, rs.getString("event_id"),
                        rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant());
            }
        }
    }
}
