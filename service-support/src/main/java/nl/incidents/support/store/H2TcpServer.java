package nl.incidents.support.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The command service owns the embedded database and serves it to the query service over H2's TCP
 * server: on loopback only (the system property {@code h2.bindAddress}, set by
 * {@code PrivateByDefault}), only for databases that already exist, and with the generated password
 * for the server's own administration too. The query service is a mere client, so killing it can never
 * take the database away from the command service.
 * <p>
 * It depends on the pool, so it stops before the pool closes: the query service's sessions end first,
 * then the pool's last connection closes the database cleanly.
 */
public final class H2TcpServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(H2TcpServer.class);

    private final Server server;

    H2TcpServer(DataSource dataSource, EmbeddedStore store, int port, String password) throws SQLException {
        // Opens (on first start: creates) the database in this process, so that the server serves this
        // very database instead of opening the file a second time.
        try (Connection ignored = dataSource.getConnection()) {
            store.secureFiles();
        }
        server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", store.directory().toString(),
                "-ifExists", "-tcpPassword", password).start();
        log.info("Serving the embedded store {} to the query service on 127.0.0.1:{}", store.directory(), server.getPort());
    }

    /** The port the server listens on (the configured one, or the free one it took for 0). */
    public int port() {
        return server.getPort();
    }

    @Override
    public void destroy() {
        server.stop();
    }
}
