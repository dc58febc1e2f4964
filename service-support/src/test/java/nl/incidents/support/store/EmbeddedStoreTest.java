package nl.incidents.support.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.incidents.support.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default as another account on the machine meets it: the data directory and its files are
 * closed to it, and the database, also over the command service's H2 server, wants the generated password.
 */
class EmbeddedStoreTest {

    @TempDir
    Path tmp;

    @Test
    void aNewDataDirectoryAndItsPasswordAreTheOwnersOnly() throws Exception {
        Path dir = tmp.resolve("data");
        EmbeddedStore store = EmbeddedStore.at(dir);
        String password = store.password();

        assertThat(permissions(dir)).isEqualTo("rwx------");
        assertThat(permissions(dir.resolve(EmbeddedStore.PASSWORD_FILE))).isEqualTo("rw-------");
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(EmbeddedStore.at(dir).password()).as("read again by the other service").isEqualTo(password);
        assertThat(EmbeddedStore.at(tmp.resolve("other")).password()).isNotEqualTo(password);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no draft left behind").containsExactly(dir.resolve(EmbeddedStore.PASSWORD_FILE));
        }
    }

    @Test
    void aDirectoryOpenToOthersIsClosedWithItsFiles() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("data/logs")).getParent();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path database = Files.writeString(dir.resolve("incidents.mv.db"), "pupils");
        Path log = Files.writeString(dir.resolve("logs/command-service.log"), "ids");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-rw-rw-"));

        EmbeddedStore.at(dir);

        assertThat(permissions(dir)).isEqualTo("rwx------");
        assertThat(permissions(dir.resolve("logs"))).isEqualTo("rwx------");
        assertThat(permissions(database)).isEqualTo("rw-------");
        assertThat(permissions(log)).isEqualTo("rw-------");
    }

    @Test
    void theDatabaseAndItsServerLetInOnlyWithTheGeneratedPassword() {
        Path dir = tmp.resolve("data");
        owner(dir, 0).run(owner -> {
            new JdbcTemplate(owner.getBean(DataSource.class)).execute("CREATE TABLE case_note (id INT)");
            int port = owner.getBean(H2TcpServer.class).port();
            String password = Files.readString(dir.resolve(EmbeddedStore.PASSWORD_FILE)).trim();

            assertThat(permissions(dir)).isEqualTo("rwx------");
            assertThat(permissions(dir.resolve("incidents.mv.db"))).isEqualTo("rw-------");
            assertThatThrownBy(() -> DriverManager.getConnection(tcp(port), "sa", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
            assertThatThrownBy(() -> DriverManager.getConnection(TestStore.h2Url(dir), "sa", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
            try (Connection client = DriverManager.getConnection(tcp(port), "sa", password)) {
                assertThat(client.getMetaData().getTables(null, null, "CASE_NOTE", null).next()).isTrue();
            }
            // The query service: a client of the server, with the password read from the data directory.
            client(dir, port).run(query -> assertThat(new JdbcTemplate(query.getBean(DataSource.class))
                    .queryForObject("SELECT count(*) FROM case_note", Integer.class)).isZero());
        });
    }

    @Test
    void aDatabaseFromBeforePasswordsGetsTheGeneratedOne() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("data"));
        try (Connection old = DriverManager.getConnection("jdbc:h2:file:" + dir + "/incidents", "sa", "");
             Statement statement = old.createStatement()) {
            statement.execute("CREATE TABLE case_note (id INT)");
            statement.execute("INSERT INTO case_note VALUES (7)");
        }

        owner(dir, 0).run(owner -> {
            assertThat(new JdbcTemplate(owner.getBean(DataSource.class)).queryForObject("SELECT id FROM case_note",
                    Integer.class)).isEqualTo(7);
            assertThatThrownBy(() -> DriverManager.getConnection(TestStore.h2Url(dir), "sa", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
        });
    }

    @Test
    void theQueryServicesPoolRecoversOnceTheCommandServiceIsBack() {
        Path dir = tmp.resolve("data");
        owner(dir, 0).run(commandService -> {
            int port = commandService.getBean(H2TcpServer.class).port();
            new JdbcTemplate(commandService.getBean(DataSource.class)).execute("CREATE TABLE case_note (id INT)");
            client(dir, port).run(queryService -> {
                JdbcTemplate reads = new JdbcTemplate(queryService.getBean(DataSource.class));
                assertThat(reads.queryForObject("SELECT count(*) FROM case_note", Integer.class)).isZero();

                commandService.close();
                // The database's owner is gone: the query service's reads fail rather than hang.
                assertThatThrownBy(() -> reads.queryForObject("SELECT count(*) FROM case_note", Integer.class))
                        .isInstanceOf(DataAccessException.class);

                owner(dir, port).run(back -> {
                    // Back: every read succeeds, none gets a connection the outage left broken.
                    for (int i = 0; i < 5; i++) {
                        assertThat(reads.queryForObject("SELECT count(*) FROM case_note", Integer.class)).isZero();
                    }
                });
            });
        });
    }

    private static ApplicationContextRunner owner(Path dir, int port) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, EmbeddedStoreConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + TestStore.h2Url(dir), "spring.datasource.username=sa",
                        "incidents.h2.port=" + port,
                        "spring.datasource.hikari.exception-override-class-name=" + BrokenConnections.class.getName());
    }

    private static ApplicationContextRunner client(Path dir, int port) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, EmbeddedStoreConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + tcp(port), "spring.datasource.username=sa",
                        "incidents.data-dir=" + dir, "spring.datasource.hikari.connection-timeout=2000",
                        "spring.datasource.hikari.exception-override-class-name=" + BrokenConnections.class.getName());
    }

    private static String tcp(int port) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/incidents";
    }

    private static String permissions(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
