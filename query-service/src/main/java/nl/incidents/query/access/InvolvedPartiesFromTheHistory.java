package nl.incidents.query.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.json.IncidentsJson;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Query schema version 7: fills {@code incident_party} for the cases projected before it existed, from
 * the reports in the history projection (read with the kernel's own mapping, as the dossier reads
 * them). Java, not SQL, because the parties are inside the stored JSON. Spring Boot's Flyway runs it
 * in order with the SQL migrations.
 */
@Component
public class InvolvedPartiesFromTheHistory implements JavaMigration {

    private static final ObjectMapper JSON = IncidentsJson.messageMapper();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("7");
    }

    @Override
    public String getDescription() {
        return "involved parties from the history";
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
        try (PreparedStatement reports = connection.prepareStatement(
                "SELECT payload FROM incident_history WHERE event_type = 'DerailingDiscussionReported'");
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO incident_party (incident_id, person_id)
                     SELECT ?, ? FROM incident_summary WHERE incident_id = ? AND NOT EXISTS (
                         SELECT 1 FROM incident_party WHERE incident_id = ? AND person_id = ?)""");
             ResultSet rs = reports.executeQuery()) {
            while (rs.next()) {
                DerailingDiscussionReported report = JSON.readValue(rs.getString("payload"), DerailingDiscussionReported.class);
                String incident = report.incidentId().toString();
                for (InvolvedParty party : report.involvedParties()) {
                    String person = party.personId().value();
                    insert.setString(1, incident);
                    insert.setString(2, person);
                    insert.setString(3, incident);
                    insert.setString(4, incident);
                    insert.setString(5, person);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }
}
