package nl.incidents.command.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import nl.incidents.support.testing.TestPostgres;
import nl.incidents.support.testing.TestStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Loading one escalation saga reads its associations by the saga's id (the database's own plan, with 5,000 open
 * cases' sagas stored, on the command service's schema): an index lookup, never a scan of every open case's
 * associations, so a saga step costs the same with 10 open cases as with 10,000 (the plan is asserted, never a time).
 */
@Tag(TestStore.TAG)
class SagaAssociationPlanTest {

    private static final int SAGAS = 5_000;
    private static final String SAGA_TYPE = EscalationSaga.class.getName();
    /** Axon 4.13's {@code GenericSagaSqlSchema.sql_findAssociations}, as {@code JdbcSagaStore.loadSaga} sends it. */
    private static final String FIND_ASSOCIATIONS =
            "SELECT associationKey, associationValue FROM AssociationValueEntry WHERE sagaId = ? AND sagaType = ?";

    private static TestPostgres.Database database;
    private static DataSource dataSource;
    private static String someSaga;

    @BeforeAll
    static void fiveThousandSagas() throws Exception {
        if (TestStore.onPostgres()) {
            database = TestPostgres.create("saga_association_plan");
            dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        } else {
            dataSource = new DriverManagerDataSource(
                    "jdbc:h2:file:" + Files.createTempDirectory("saga-association-plan") + "/incidents", "sa", "");
        }
        String vendor = TestStore.flywayVendor();
        Flyway.configure().dataSource(dataSource).table("command_schema_history")
                .locations("classpath:db/eventstore/" + vendor, "classpath:db/command/" + vendor,
                        "classpath:db/command/common", "classpath:db/privacy/" + vendor)
                .load().migrate();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO AssociationValueEntry "
                    + "(associationKey, associationValue, sagaId, sagaType) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < SAGAS; i++) {
                    String saga = UUID.randomUUID().toString();
                    someSaga = saga;
                    for (String key : new String[]{"incidentId", "sagaIdentifier"}) {
                        insert.setString(1, key);
                        insert.setString(2, key.equals("incidentId") ? UUID.randomUUID().toString() : saga);
                        insert.setString(3, saga);
                        insert.setString(4, SAGA_TYPE);
                        insert.addBatch();
                    }
                    if (i % 500 == 499) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            if (TestStore.onPostgres()) {
                try (Statement analyze = connection.createStatement()) {
                    analyze.execute("ANALYZE AssociationValueEntry");
                }
                connection.commit();
            }
        }
    }

    @AfterAll
    static void drop() {
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void aSagasAssociationsAreReadByTheSagasIndex() throws Exception {
        String plan = plan();
        if (TestStore.onPostgres()) {
            assertThat(plan).as(plan).containsPattern("Index (Only )?Scan using association_value_by_saga"
                    + "|Bitmap Index Scan on association_value_by_saga");
        } else {
            assertThat(plan.toLowerCase()).as(plan).contains("public.association_value_by_saga");
        }
    }

    private static String plan() throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + FIND_ASSOCIATIONS)) {
            explain.setString(1, someSaga);
            explain.setString(2, SAGA_TYPE);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
