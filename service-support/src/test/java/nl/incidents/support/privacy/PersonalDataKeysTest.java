package nl.incidents.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.support.testing.TestPostgres;
import nl.incidents.support.testing.TestStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys of personal data as the commands that make them use them, on the real store (an H2 file, or a fresh
 * PostgreSQL database): a command's new key is stored in its own transaction, so as many commands as the pool has
 * connections make keys at once (a key in a transaction of its own needed a second connection, and a full pool then
 * waited until its time-out: the service answered 503); a key whose command rolled back is neither stored nor used
 * again; two commands making the same key at once end with one key, used by both.
 */
@Tag(TestStore.TAG)
class PersonalDataKeysTest {

    private static final int POOL = 2;

    private TestPostgres.Database database;
    private HikariDataSource pool;
    private PersonalDataKeys keys;
    private TransactionTemplate command;
    private JdbcTemplate jdbc;

    @BeforeEach
    void keyStore() throws Exception {
        HikariConfig config = new HikariConfig();
        if (TestStore.onPostgres()) {
            database = TestPostgres.create("personal_data_keys");
            config.setJdbcUrl(database.url());
            config.setUsername(database.user());
            config.setPassword(database.password());
        } else {
            config.setJdbcUrl(TestStore.h2Url(Files.createTempDirectory("personal-data-keys")));
        }
        config.setMaximumPoolSize(POOL);
        config.setConnectionTimeout(1_000);
        pool = new HikariDataSource(config);
        Flyway.configure().dataSource(pool).locations("classpath:db/privacy/" + TestStore.flywayVendor()).load().migrate();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(pool);
        keys = new PersonalDataKeys(pool, transactions, MasterKey.of(MasterKey.generate(), "master"), null,
                Duration.ofMinutes(1), Clock.systemUTC());
        command = new TransactionTemplate(transactions);
        jdbc = new JdbcTemplate(pool);
    }

    @AfterEach
    void close() {
        pool.close();
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void asManyCommandsAsThePoolHasConnectionsMakeTheirKeysAtOnce() throws Exception {
        CyclicBarrier allHoldAConnection = new CyclicBarrier(POOL);
        List<CompletableFuture<String>> commands = new ArrayList<>();
        List<IncidentId> cases = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            IncidentId incident = IncidentId.random();
            cases.add(incident);
            commands.add(CompletableFuture.supplyAsync(() -> command.execute(status -> {
                jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class);
                await(allHoldAConnection);
                String caseKey = keys.ofCase(incident).id();
                keys.ofPerson(incident, new PersonId("pupil-1"));
                return caseKey;
            })));
        }

        for (int i = 0; i < POOL; i++) {
            String caseKey = commands.get(i).get(30, TimeUnit.SECONDS);
            assertThat(keys.ofCase(cases.get(i)).id()).as("the key the command made, after it").isEqualTo(caseKey);
            assertThat(keys.byId(caseKey)).isPresent();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class)).isEqualTo(2L * POOL);
    }

    @Test
    void aKeyWhoseCommandRolledBackIsNeitherStoredNorUsedAgain() {
        IncidentId incident = IncidentId.random();
        String rolledBack = command.execute(status -> {
            String id = keys.ofCase(incident).id();
            assertThat(keys.ofCase(incident).id()).as("the same key within the command").isEqualTo(id);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key WHERE key_id = ?", Long.class, id))
                    .as("stored with the command").isOne();
            status.setRollbackOnly();
            return id;
        });

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class)).isZero();
        assertThat(keys.byId(rolledBack)).isEmpty();
        String next = keys.ofCase(incident).id();
        assertThat(next).isNotEqualTo(rolledBack);
        assertThat(jdbc.queryForObject("SELECT key_id FROM personal_data_key WHERE incident_id = ?", String.class,
                incident.toString())).isEqualTo(next);
    }

    @Test
    void aKeyMadeInASavepointThatWasRolledBackIsNeitherUsedAgainNorCached() {
        IncidentId incident = IncidentId.random();
        TransactionTemplate savepoint = new TransactionTemplate(command.getTransactionManager());
        savepoint.setPropagationBehavior(TransactionTemplate.PROPAGATION_NESTED);
        String[] made = new String[2];
        command.executeWithoutResult(status -> {
            savepoint.executeWithoutResult(inner -> {
                made[0] = keys.ofCase(incident).id();
                inner.setRollbackOnly(); // a handler failed: what it wrote is undone, the event parked
            });
            assertThat(keys.byId(made[0])).as("the undone key, by its id").isEmpty();
            made[1] = keys.ofCase(incident).id();
        });

        assertThat(made[1]).isNotEqualTo(made[0]);
        assertThat(jdbc.queryForList("SELECT key_id FROM personal_data_key", String.class)).containsExactly(made[1]);
        assertThat(keys.ofCase(incident).id()).isEqualTo(made[1]);
        assertThat(keys.byId(made[0])).isEmpty();
    }

    @Test
    void aKeyWhoseSavepointWasRolledBackAfterItsLastUseIsNotCached() {
        IncidentId incident = IncidentId.random();
        TransactionTemplate savepoint = new TransactionTemplate(command.getTransactionManager());
        savepoint.setPropagationBehavior(TransactionTemplate.PROPAGATION_NESTED);
        String undone = command.execute(status -> savepoint.execute(inner -> {
            inner.setRollbackOnly();
            return keys.ofCase(incident).id();
        }));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class)).isZero();
        assertThat(keys.byId(undone)).isEmpty();
        assertThat(keys.ofCase(incident).id()).as("made anew, not taken from the cache").isNotEqualTo(undone);
    }

    @Test
    void aCommittedKeyIsTheOneEveryLaterCommandUses() {
        IncidentId incident = IncidentId.random();
        String made = command.execute(status -> keys.ofPerson(incident, new PersonId("teacher-1")).id());

        String again = command.execute(status -> keys.ofPerson(incident, new PersonId("teacher-1")).id());
        assertThat(again).isEqualTo(made);
        assertThat(keys.ofPerson(incident, new PersonId("teacher-1")).id()).isEqualTo(made);
        assertThat(keys.byId(made)).isPresent();
    }

    @Test
    void twoCommandsMakingTheSameKeyAtOnceEndWithOneKeyUsedByBoth() throws Exception {
        IncidentId incident = IncidentId.random();
        PersonId pupil = new PersonId("pupil-2");
        CountDownLatch firstMadeIt = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> command.execute(status -> {
            String id = keys.ofPerson(incident, pupil).id();
            firstMadeIt.countDown();
            await(secondStarted);
            pause(); // so that the second's insert usually waits on this uncommitted row (its savepoint path)
            return id;
        }));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            await(firstMadeIt);
            return command.execute(status -> {
                secondStarted.countDown();
                // Waits on the first command's uncommitted row, or finds it committed; either way the first's key.
                String id = keys.ofPerson(incident, pupil).id();
                jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Long.class); // the command goes on
                return id;
            });
        });

        String firstKey = first.get(30, TimeUnit.SECONDS);
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(firstKey);
        assertThat(jdbc.queryForList("SELECT key_id FROM personal_data_key", String.class)).containsExactly(firstKey);
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
