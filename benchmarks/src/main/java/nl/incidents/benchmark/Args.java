package nl.incidents.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A benchmark's arguments: {@code key=value} pairs, each key one of those the program names (else it refuses). */
final class Args {

    private final Map<String, String> values;

    private Args(Map<String, String> values) {
        this.values = values;
    }

    static Args parse(String[] args, String... keys) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = eq < 1 ? "" : arg.substring(0, eq);
            if (!List.of(keys).contains(key)) {
                throw new IllegalArgumentException("Arguments are key=value, the keys " + String.join(", ", keys) + ": " + arg);
            }
            values.put(key, arg.substring(eq + 1));
        }
        return new Args(values);
    }

    boolean has(String key) {
        return values.containsKey(key) && !values.get(key).isBlank();
    }

    String get(String key) {
        return values.get(key);
    }

    String get(String key, String otherwise) {
        return has(key) ? values.get(key).trim() : otherwise;
    }

    int integer(String key, int otherwise) {
        return has(key) ? Integer.parseInt(values.get(key).replace("_", "").replace(",", "").trim()) : otherwise;
    }

    long number(String key, long otherwise) {
        return has(key) ? Long.parseLong(values.get(key).replace("_", "").replace(",", "").trim()) : otherwise;
    }

    boolean flag(String key, boolean otherwise) {
        return has(key) ? Boolean.parseBoolean(values.get(key).trim()) : otherwise;
    }
}
