package nl.incidents.kernel.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import nl.incidents.kernel.incident.Region;

/**
 * School time (schooltijd): the hours in which a school is open, so that an escalation deadline
 * counts the time in which a manager can be expected to act, not nights, weekends or holidays.
 * School hours are wall-clock times in Amsterdam and counting goes day by day, so a change to or
 * from summer time (always at night) never moves a deadline. Immutable and thread-safe.
 *
 * <p>A moment is school time from opening up to, not including, closing: at 08:30 the school is
 * open, at 16:30 it is not. A count that ends exactly at closing ends at closing that day.
 */
public final class SchoolCalendar {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final Set<DayOfWeek> schoolDays;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Map<Region, NavigableMap<LocalDate, Closure>> closures;
    private final LocalDate coveredUntil;

    SchoolCalendar(Set<DayOfWeek> schoolDays, LocalTime opens, LocalTime closes, List<Closure> closures,
            LocalDate coveredUntil) {
        if (schoolDays.isEmpty() || !opens.isBefore(closes)) {
            throw new IllegalArgumentException("A school calendar needs school days and opening before closing");
        }
        this.schoolDays = Collections.unmodifiableSet(EnumSet.copyOf(schoolDays));
        this.opens = opens;
        this.closes = closes;
        this.coveredUntil = Objects.requireNonNull(coveredUntil);
        Map<Region, NavigableMap<LocalDate, Closure>> byRegion = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            NavigableMap<LocalDate, Closure> ofRegion = new TreeMap<>();
            for (Closure closure : closures) {
                // One closure per day and region is what lets closureOn look at a single entry.
                if (closure.appliesTo(region) && ofRegion.put(closure.from(), closure) != null) {
                    throw new IllegalArgumentException("Two closures start on " + closure.from() + " in " + region);
                }
            }
            byRegion.put(region, Collections.unmodifiableNavigableMap(ofRegion));
        }
        this.closures = Collections.unmodifiableMap(byRegion);
    }

    /**
     * The bundled calendar: school days Mon–Fri, school hours 08:30–16:30, the Dutch school
     * holidays per region and the national days off for school years 2026-2027 and 2027-2028.
     */
    public static SchoolCalendar standard() {
        return Bundled.CALENDAR;
    }

    /**
     * Reads a calendar from YAML (the same format as the bundled resource); throws
     * IllegalArgumentException naming what is wrong (overlapping/ inverted periods, unknown region,
     * end before start, bad times).
     */
    public static SchoolCalendar load(InputStream yaml) {
        return CalendarFile.read(Objects.requireNonNull(yaml, "no school calendar to read"));
    }

    /** Inside school hours on a school day that is not a holiday or closed day of that region. */
    public boolean isSchoolTime(Instant at, Region region) {
        LocalDateTime local = LocalDateTime.ofInstant(at, ZONE);
        LocalTime time = local.toLocalTime();
        return !time.isBefore(opens) && time.isBefore(closes) && isSchoolDay(local.toLocalDate(), region);
    }

    /** A day of the week the schools open that is no holiday or day off of the region. */
    public boolean isSchoolDay(LocalDate date, Region region) {
        Objects.requireNonNull(region, "region");
        return schoolDays.contains(date.getDayOfWeek()) && closureOn(date, region) == null;
    }

    /**
     * The instant at which {@code amount} of school time has passed after {@code from}, counting
     * only school hours of school days of the region. If {@code from} is outside school time,
     * counting starts at the next opening. Amount zero gives {@code from} itself if it is in school
     * time, else the next opening. A negative amount is refused with IllegalArgumentException.
     */
    public Instant addSchoolTime(Instant from, Duration amount, Region region) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(region, "region");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("School time is only counted forward, not " + amount);
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, ZONE);
        LocalDate day = start.toLocalDate();
        LocalTime time = start.toLocalTime();
        Duration remaining = amount;
        // Whole days at a time, each in its own wall-clock hours: never minutes, never raw hours across a night.
        while (true) {
            if (time.isBefore(closes) && isSchoolDay(day, region)) {
                LocalTime begin = time.isBefore(opens) ? opens : time;
                if (remaining.isZero() && begin.equals(time)) {
                    return from;
                }
                Duration open = Duration.between(begin, closes);
                if (remaining.compareTo(open) <= 0) {
                    return day.atTime(begin.plus(remaining)).atZone(ZONE).toInstant();
                }
                remaining = remaining.minus(open);
            }
            day = day.plusDays(1);
            time = LocalTime.MIDNIGHT;
        }
    }

    /**
     * The last date the calendar's holiday data covers (end of the last school year in the data).
     * Beyond it, weekdays count as school days (no holidays known).
     */
    public LocalDate coveredUntil() {
        return coveredUntil;
    }

    public LocalTime opens() {
        return opens;
    }

    public LocalTime closes() {
        return closes;
    }

    /** The holiday or day off of the region that includes the date, or null on an ordinary day. */
    Closure closureOn(LocalDate date, Region region) {
        Map.Entry<LocalDate, Closure> latestStart = closures.get(region).floorEntry(date);
        return latestStart != null && !latestStart.getValue().to().isBefore(date) ? latestStart.getValue() : null;
    }

    @Override
    public String toString() {
        return "SchoolCalendar[" + schoolDays + " " + opens + "-" + closes + ", covered until " + coveredUntil + "]";
    }

    /** Loaded on first use, once: the bundled file does not change while the service runs. */
    private static final class Bundled {

        static final SchoolCalendar CALENDAR = read();

        private static SchoolCalendar read() {
            try (InputStream yaml = SchoolCalendar.class.getResourceAsStream("school-calendar.yml")) {
                if (yaml == null) {
                    throw new IllegalStateException("The bundled school-calendar.yml is missing from the kernel");
                }
                return load(yaml);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
