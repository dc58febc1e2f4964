package nl.incidents.kernel.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.incidents.kernel.incident.Region;

/**
 * Reads the YAML format of {@code school-calendar.yml} (documented at the top of that file) and
 * checks it as a whole, so a board that replaces the file hears every mistake at once, each named.
 */
final class CalendarFile {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final List<String> TOP_KEYS = List.of("schoolDays", "schoolHours", "coveredUntil", "closures");
    private static final List<String> HOURS_KEYS = List.of("opens", "closes");
    private static final List<String> CLOSURE_KEYS = List.of("name", "regions", "from", "to");

    private final List<String> problems = new ArrayList<>();

    private CalendarFile() {
    }

    static SchoolCalendar read(InputStream yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The school calendar is not readable YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("The school calendar could not be read", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException("The school calendar is empty");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("The school calendar must be a mapping with " + TOP_KEYS);
        }
        return new CalendarFile().parse(root);
    }

    private SchoolCalendar parse(JsonNode root) {
        unknownKeys(root, TOP_KEYS, "the calendar");
        Set<DayOfWeek> schoolDays = schoolDays(root.get("schoolDays"));
        JsonNode hours = root.get("schoolHours");
        LocalTime opens = null;
        LocalTime closes = null;
        if (hours == null || !hours.isObject()) {
            problems.add("schoolHours is missing (write it as { opens: \"08:30\", closes: \"16:30\" })");
        } else {
            unknownKeys(hours, HOURS_KEYS, "schoolHours");
            opens = time(hours.get("opens"), "schoolHours.opens");
            closes = time(hours.get("closes"), "schoolHours.closes");
            if (opens != null && closes != null && !opens.isBefore(closes)) {
                problems.add("schoolHours: opens " + opens + " is not before closes " + closes);
            }
        }
        List<Closure> closures = closures(root.get("closures"));
        overlaps(closures);
        LocalDate coveredUntil = coveredUntil(root.get("coveredUntil"), closures);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The school calendar is not valid: " + String.join("; ", problems));
        }
        return new SchoolCalendar(schoolDays, opens, closes, closures, coveredUntil);
    }

    private Set<DayOfWeek> schoolDays(JsonNode node) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add("schoolDays is missing or empty (write it as [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY])");
            return days;
        }
        for (JsonNode day : node) {
            try {
                if (!days.add(DayOfWeek.valueOf(day.asText()))) {
                    problems.add("schoolDays lists " + day.asText() + " twice");
                }
            } catch (IllegalArgumentException e) {
                problems.add("schoolDays: '" + day.asText() + "' is not a day (use MONDAY … SUNDAY)");
            }
        }
        return days;
    }

    private List<Closure> closures(JsonNode node) {
        List<Closure> closures = new ArrayList<>();
        if (node == null || node.isNull()) {
            return closures;
        }
        if (!node.isArray()) {
            problems.add("closures must be a list");
            return closures;
        }
        int number = 0;
        for (JsonNode entry : node) {
            number++;
            if (!entry.isObject()) {
                problems.add("closure #" + number + " is not a mapping with " + CLOSURE_KEYS);
                continue;
            }
            String name = entry.hasNonNull("name") && !entry.get("name").asText().isBlank()
                    ? entry.get("name").asText().strip() : null;
            String label = name == null ? "closure #" + number : "closure '" + name + "'";
            if (name == null) {
                problems.add(label + " has no name");
            }
            unknownKeys(entry, CLOSURE_KEYS, label);
            Set<Region> regions = regions(entry.get("regions"), label);
            LocalDate from = date(entry.get("from"), label + ": from");
            LocalDate to = date(entry.get("to"), label + ": to");
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(label + " ends on " + to + ", before it starts on " + from);
            } else if (name != null && regions != null && from != null && to != null) {
                closures.add(new Closure(name, regions, from, to));
            }
        }
        return closures;
    }

    private Set<Region> regions(JsonNode node, String label) {
        if (node == null) {
            return EnumSet.allOf(Region.class);
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(label + ": regions must list one or more of " + Arrays.toString(Region.values())
                    + " (leave it out for all regions)");
            return null;
        }
        Set<Region> regions = EnumSet.noneOf(Region.class);
        for (JsonNode region : node) {
            try {
                regions.add(Region.valueOf(region.asText()));
            } catch (IllegalArgumentException e) {
                problems.add(label + ": unknown region '" + region.asText() + "' (use "
                        + Arrays.stream(Region.values()).map(Region::name).collect(Collectors.joining(", ")) + ")");
                return null;
            }
        }
        return regions;
    }

    private void overlaps(List<Closure> closures) {
        for (int i = 0; i < closures.size(); i++) {
            for (int j = i + 1; j < closures.size(); j++) {
                Closure a = closures.get(i);
                Closure b = closures.get(j);
                Set<Region> shared = EnumSet.copyOf(a.regions());
                shared.retainAll(b.regions());
                if (!shared.isEmpty() && a.overlaps(b)) {
                    problems.add("closures " + a + " and " + b + " overlap for " + shared);
                }
            }
        }
    }

    private LocalDate coveredUntil(JsonNode node, List<Closure> closures) {
        LocalDate lastEnd = closures.stream().map(Closure::to).max(LocalDate::compareTo).orElse(null);
        if (node == null || node.isNull()) {
            if (lastEnd == null) {
                problems.add("coveredUntil is missing and there are no closures to derive it from");
            }
            return lastEnd;
        }
        LocalDate coveredUntil = date(node, "coveredUntil");
        if (coveredUntil != null) {
            closures.stream().filter(c -> c.to().isAfter(coveredUntil)).forEach(c ->
                    problems.add("coveredUntil " + coveredUntil + " is before the end of closure " + c));
        }
        return coveredUntil;
    }

    private LocalTime time(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            problems.add(field + " must be a time in quotes, like \"08:30\"");
            return null;
        }
        try {
            return LocalTime.parse(node.asText().strip(), TIME);
        } catch (DateTimeParseException e) {
            problems.add(field + " '" + node.asText() + "' is not a time like \"08:30\"");
            return null;
        }
    }

    private LocalDate date(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            problems.add(field + " is missing");
            return null;
        }
        try {
            return LocalDate.parse(node.asText().strip());
        } catch (DateTimeParseException e) {
            problems.add(field + " '" + node.asText() + "' is not a date like 2026-10-17");
            return null;
        }
    }

    private void unknownKeys(JsonNode node, List<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(where + " has an unknown key '" + name + "' (expected one of " + known + ")");
            }
        }
    }
}
