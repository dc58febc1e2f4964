package nl.incidents.query.incidentdossier;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.incidents.kernel.timeline.TimelineCode;

/**
 * What one line of a timeline says: its code, its parameters by name (raw values as text: enum names, ids, ISO 8601
 * instants; a parameter without a value is left out) and its English sentence.
 */
record Line(TimelineCode code, Map<String, String> params, String text) {

    /**
     * @param nameValuePairs the parameters, name then value; a value is written with {@code toString()} (an
     *                       {@link Instant} as ISO 8601 in UTC), a null value leaves its parameter out
     * @throws IllegalArgumentException for a name the code does not declare, so the two never drift apart
     */
    static Line of(TimelineCode code, String text, Object... nameValuePairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            String name = (String) nameValuePairs[i];
            if (!code.parameters().contains(name)) {
                throw new IllegalArgumentException("timeline code " + code.code() + " has no parameter " + name);
            }
            Object value = nameValuePairs[i + 1];
            if (value != null) {
                params.put(name, value.toString());
            }
        }
        return new Line(code, Collections.unmodifiableMap(params), text);
    }
}
