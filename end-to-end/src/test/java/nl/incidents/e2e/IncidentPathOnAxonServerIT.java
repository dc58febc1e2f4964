package nl.incidents.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import nl.incidents.support.testing.TestPostgres;
import org.junit.jupiter.api.Tag;

/**
 * The same case path on the axonserver profile: both services connect to the Axon Server named by
 * {@value #SERVER_VARIABLE} (host:port of its gRPC port, 8124 by default), which stores and streams the
 * events and routes the commands and queries; their tokens and projections are on a fresh PostgreSQL
 * database of {@value TestPostgres#URL_VARIABLE}. Without an Axon Server named it is skipped (CI has
 * none: the one server the build may go without). Axon Server keeps every run's events in its default
 * context; each run uses fresh incident and person ids, and its fresh projections read the earlier runs'
 * events first.
 */
@Tag("axonserver")
class IncidentPathOnAxonServerIT extends IncidentPathIT {

    static final String SERVER_VARIABLE = "INCIDENTS_TEST_AXONSERVER";

    @Override
    protected String storeName() {
        return "axonserver";
    }

    @Override
    protected Map<String, String> store() {
        String server = System.getenv(SERVER_VARIABLE);
        assumeTrue(server != null && !server.isBlank(), SERVER_VARIABLE + " is not set: no Axon Server to run the "
                + "axonserver profile against (set it to host:port, and " + TestPostgres.URL_VARIABLE + " too)");
        Map<String, String> environment = new HashMap<>(onPostgres("axonserver"));
        environment.put("AXON_AXONSERVER_SERVERS", server.trim());
        return environment;
    }
}
