package nl.incidents.support.testing;

import java.util.Arrays;

/** Reads one sample out of a Prometheus text exposition, as a dashboard would. */
public final class Scrape {

    private final String text;

    public Scrape(String text) {
        this.text = text;
    }

    /**
     * The value of the sample named {@code name} whose labels include every {@code label="value"}
     * given, or 0 when there is none (a counter that never counted is not exposed).
     */
    public double value(String name, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> line.contains(label.replaceFirst("=(.*)", "=\"$1\""))))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    public boolean has(String name) {
        return text.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }
}
