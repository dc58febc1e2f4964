package nl.incidents.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far each event processor of a service has got: its token table read with plain JDBC. The tokens are Jackson
 * JSON of Axon's tracking tokens; a processor's position is the lowest of its segments' (a segment without a token
 * is at -1). Read from the JSON's shape, not from Axon's classes: a gap-aware token's {@code index}, a global sequence
 * token's {@code globalIndex}, a replay token's {@code currentToken}, a merged token's lower of its two halves.
 */
final class TokenPositions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenPositions() {
    }

    /** Each processor's position (global index of the last event it has handled), by processor name; empty before the table exists. */
    static Map<String, Long> read(BenchStore store, String table) {
        Map<String, Long> positions = new TreeMap<>();
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT processor_name, token FROM " + table)) {
            while (rows.next()) {
                byte[] token = rows.getBytes(2);
                long position = token == null ? -1 : position(JSON.readTree(token));
                positions.merge(rows.getString(1), position, Math::min);
            }
        } catch (SQLException | IOException notYet) {
            return Map.of(); // the service has not made its table yet
        }
        return positions;
    }

    static long position(JsonNode token) {
        if (token == null || token.isNull() || token.isMissingNode()) {
            return -1;
        }
        if (token.has("currentToken")) {
            return position(token.get("currentToken"));
        }
        if (token.has("lowerSegmentToken")) {
            return Math.min(position(token.get("lowerSegmentToken")), position(token.get("upperSegmentToken")));
        }
        if (token.has("index")) {
            return token.get("index").asLong();
        }
        if (token.has("globalIndex")) {
            return token.get("globalIndex").asLong();
        }
        return -1;
    }
}
