package nl.incidents.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.support.store.EmbeddedStore;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The master key as an operator meets it: a production database without INCIDENTS_MASTER_KEY does not start and
 * says why; the embedded store generates one, owner-only, beside the database; a rotation wraps every key anew so
 * that the new master key alone reads them, and the old one alone is refused; it runs beside the started service, and
 * a stop leaves the keys it did not reach for the next start.
 */
class MasterKeyTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseOtherThanTheEmbeddedOneDoesNotStartWithoutAMasterKey() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, PrivacyConfiguration.class))
                // PostgreSQL, as the postgres and axonserver profiles have it; never connected to.
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/incidents")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("INCIDENTS_MASTER_KEY is not set")
                        .hasMessageContaining("openssl rand -base64 32"));
    }

    @Test
    void aMasterKeyThatIsNot32BytesInBase64IsRefusedByName() {
        assertThatThrownBy(() -> MasterKey.of("c2hvcnQ=", "INCIDENTS_MASTER_KEY"))
                .hasMessageContaining("INCIDENTS_MASTER_KEY is not a master key").hasMessageContaining("32 random bytes");
    }

    @Test
    void theEmbeddedStoreGeneratesItsMasterKeyOwnerOnlyAndKeepsIt() throws Exception {
        EmbeddedStore store = EmbeddedStore.at(dir.resolve("data"));
        String key = store.masterKey(MasterKey::generate);
        assertThat(MasterKey.of(key, "the file")).isNotNull();
        assertThat(store.masterKey(MasterKey::generate)).isEqualTo(key);
        Path file = dir.resolve("data").resolve(EmbeddedStore.MASTER_KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aRotationWrapsEveryKeyAnewSoTheNewMasterKeyAloneReadsThem() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("keys") + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/privacy/h2").load().migrate();
        String oldKey = MasterKey.generate();
        String newKey = MasterKey.generate();
        IncidentId incident = IncidentId.random();
        PersonalDataKeys before = keys(db, oldKey, null);
        String caseKey = before.ofCase(incident).id();
        String personKey = before.ofPerson(incident, new PersonId("pupil-1")).id();

        assertThatThrownBy(() -> keys(db, newKey, null).checkMasterKey())
                .as("a new master key without the old one beside it").hasMessageContaining("INCIDENTS_PREVIOUS_MASTER_KEY");
        PersonalDataKeys rotating = keys(db, newKey, oldKey);
        rotating.checkMasterKey();
        assertThat(rotating.rewrap()).isEqualTo(2);
        assertThat(rotating.rewrap()).as("a second run").isZero();

        PersonalDataKeys after = keys(db, newKey, null);
        after.checkMasterKey();
        assertThat(after.byId(caseKey)).isPresent();
        assertThat(after.ofPerson(incident, new PersonId("pupil-1")).id()).isEqualTo(personKey);
        assertThatThrownBy(() -> keys(db, oldKey, null).checkMasterKey()).hasMessageContaining("INCIDENTS_MASTER_KEY");
    }

    @Test
    void aRotationRunsBesideTheStartedServiceThroughEveryKeyAndAStopLeavesTheRestForTheNextStart() {
        JdbcConnectionPool db = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("rotation"), "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/privacy/h2").load().migrate();
        String oldKey = MasterKey.generate();
        String newKey = MasterKey.generate();
        PersonalDataKeys before = keys(db, oldKey, null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 501; i++) { // more than the rotation reads at a time
            ids.add(before.ofCase(IncidentId.random()).id());
        }
        PersonalDataKeys rotating = keys(db, newKey, oldKey);

        assertThat(rotating.rewrap(() -> true)).as("stopped before the first key").isZero();
        assertThatThrownBy(() -> keys(db, newKey, null).byId(ids.get(0))).as("not yet wrapped anew")
                .isInstanceOf(IllegalStateException.class);

        MasterKeyRotation rotation = new MasterKeyRotation(rotating, () -> true);
        rotation.start();
        try {
            String lastInOrder = Collections.max(ids); // the rotation goes through the keys in the order of their ids
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> keys(db, newKey, null).byId(lastInOrder).isPresent());
            PersonalDataKeys after = keys(db, newKey, null);
            assertThat(ids).allSatisfy(id -> assertThat(after.byId(id)).isPresent());
        } finally {
            rotation.stop();
            db.dispose();
        }
    }

    private static PersonalDataKeys keys(DataSource db, String master, String previous) {
        return new PersonalDataKeys(db, new DataSourceTransactionManager(db), MasterKey.of(master, "master"),
                previous == null ? null : MasterKey.of(previous, "previous"), Duration.ofMinutes(1), Clock.systemUTC());
    }
}
