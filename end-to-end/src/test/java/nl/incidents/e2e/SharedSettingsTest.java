package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The two services each keep their settings in one {@code application.yml}: the embedded default
 * first, then a section per profile ({@code postgres | axonserver}, then {@code axonserver}). What
 * both must agree on (the data directory and H2 port by which the query service finds the command
 * service's database, the JSON and health settings clients and run.sh read, the PostgreSQL
 * connection settings, Axon Server's address) is written in both; this test fails when one is
 * changed and the other is not, and when a setting appears in one service only without being
 * listed here as that service's own.
 */
class SharedSettingsTest {

    /** What only one service has, or has with a value of its own: prefixes of the flattened keys. */
    private static final List<String> OWN = List.of(
            "spring.application.name", "spring.datasource.url", "spring.flyway.locations", "spring.flyway.table",
            "spring.mail.", "server.port", "db-scheduler.", "logging.", "incidents.axon.", "incidents.api.",
            "incidents.query-service-url", "incidents.notifications.language", "axon.axonserver.eventhandling.",
            // the query service's access log: its trusted proxies and the web module's client (AccessRecording)
            "server.forward-headers-strategy", "server.tomcat.remoteip.", "incidents.access-log.",
            // the command service takes evidence as a multipart form, within its own limits
            "spring.servlet.multipart.", "incidents.evidence.");

    @Test
    void theSettingsBothServicesShareAreTheSameInEachProfileSection() throws IOException {
        List<Map<String, String>> command = sections("command-service");
        List<Map<String, String>> query = sections("query-service");

        assertThat(command).hasSize(3);
        assertThat(query).hasSize(3);
        for (int section = 0; section < command.size(); section++) {
            assertThat(shared(query.get(section)))
                    .as("section %d (0: the embedded default) of the query service against the command service's", section)
                    .isEqualTo(shared(command.get(section)));
        }
        assertThat(command.get(0)).containsKeys("incidents.data-dir", "incidents.h2.port",
                "spring.jackson.default-property-inclusion", "management.endpoint.health.group.readiness.include");
        assertThat(command.get(1)).containsEntry("spring.config.activate.on-profile", "postgres | axonserver")
                .containsEntry("incidents.demo.enabled", "${INCIDENTS_DEMO:false}");
        assertThat(command.get(2)).containsEntry("spring.config.activate.on-profile", "axonserver")
                .containsEntry("axon.axonserver.enabled", "true");
    }

    private static Map<String, String> shared(Map<String, String> settings) {
        Map<String, String> shared = new TreeMap<>(settings);
        shared.keySet().removeIf(key -> OWN.stream().anyMatch(key::startsWith));
        return shared;
    }

    /** The file's YAML documents, each flattened to dotted keys and their values as text. */
    private static List<Map<String, String>> sections(String service) throws IOException {
        // Maven runs the tests in this module's folder; the services are its siblings.
        Path file = Path.of("..", service, "src", "main", "resources", "application.yml");
        List<Map<String, String>> sections = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
            while (documents.hasNext()) {
                Map<String, String> flat = new TreeMap<>();
                flatten("", documents.next(), flat);
                sections.add(flat);
            }
        }
        return sections;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(prefix + field.getKey() + ".", field.getValue(), flat));
        } else {
            flat.put(prefix.substring(0, prefix.length() - 1), node.isValueNode() ? node.asText() : node.toString());
        }
    }
}
