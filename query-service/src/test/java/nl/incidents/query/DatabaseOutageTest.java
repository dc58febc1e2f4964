package nl.incidents.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.support.messaging.Outages;
import nl.incidents.support.testing.CuttableProxy;
import nl.incidents.support.testing.RawHttp;
import nl.incidents.support.testing.RawHttp.Answer;
import nl.incidents.support.testing.TestPostgres;
import nl.incidents.support.testing.TestStore;
import nl.incidents.support.testing.TestTokens;
import org.flywaydb.core.Flyway;
import org.h2.tools.Server;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * While the database is away (its connections broken and new ones refused, through a proxy the test
 * cuts), a query is answered 503 problem+json with {@code Retry-After}, in words for a person; once it
 * is back, the same service answers again without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
class DatabaseOutageTest {

    private static final Pattern POSTGRES = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?(/.*)");

    private static CuttableProxy database;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        if (TestStore.onPostgres()) {
            TestPostgres.Database created = TestPostgres.create("query-outage");
            Matcher url = POSTGRES.matcher(created.url());
            assertThat(url.matches()).as(created.url()).isTrue();
            database = CuttableProxy.to(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2)));
            registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + database.port() + url.group(3));
            registry.add("spring.datasource.username", () -> created.user() == null ? "" : created.user());
            registry.add("spring.datasource.password", () -> created.password() == null ? "" : created.password());
        } else {
            Path dir = Files.createTempDirectory("query-outage");
            Server h2 = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifNotExists", "-baseDir", dir.toString()).start();
            database = CuttableProxy.to("127.0.0.1", h2.getPort());
            registry.add("incidents.data-dir", dir::toString);
            // The server keeps the database open until the JVM ends: the test's context closes after the test.
            registry.add("spring.datasource.url", () -> "jdbc:h2:tcp://127.0.0.1:" + database.port() + "/incidents;DB_CLOSE_ON_EXIT=FALSE");
            // The test's own server, not the command service's: the first connection creates the database with this password.
            registry.add("spring.datasource.password", () -> "outage-test");
        }
        registry.add("incidents.demo.enabled", () -> "true");
        TestTokens.shared().register(registry);
        // A pool that waits the default 30 s for a connection would make this test slow, not different.
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
    }

    /** In production the command service creates the event store; here the test does. */
    @TestConfiguration
    static class EventStoreSchema {
        @Bean
        InitializingBean eventStoreMigration(DataSource dataSource) {
            return () -> Flyway.configure().dataSource(dataSource)
                    .locations("classpath:db/eventstore/" + TestStore.flywayVendor())
                    .table("eventstore_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void whileTheDatabaseIsAwayQueriesAnswer503WithRetryAfterAndAfterwardsWorkAgain() throws Exception {
        RawHttp http = new RawHttp(port);
        assertThat(http.get("board", "/api/incidents").status()).isEqualTo(200);

        database.cut();
        try {
            assertUnavailable(http.get("board", "/api/incidents"));
            assertUnavailable(http.get("board", "/api/incidents/" + IncidentId.random()));
            assertUnavailable(http.get("manager", "/api/inbox"));
        } finally {
            database.restore();
        }

        // Hikari checks a pooled connection before lending it only after it lay idle for half a second; H2's
        // "connection broken" is no SQLState it evicts on by itself (the store's pool settings' concern).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(http.get("board", "/api/incidents").status()).isEqualTo(200));
        assertThat(http.get("board", "/api/incidents/" + IncidentId.random()).status()).isEqualTo(404);
    }

    private static void assertUnavailable(Answer answer) {
        assertThat(answer.assertProblem(503, null)).isEqualTo(Outages.SENTENCE);
        assertThat(answer.header("Retry-After")).isEqualTo("10");
    }
}
