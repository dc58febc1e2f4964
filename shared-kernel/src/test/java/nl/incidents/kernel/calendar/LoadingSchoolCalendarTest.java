package nl.incidents.kernel.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import nl.incidents.kernel.incident.Region;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A board can replace the bundled calendar with its own file; a wrong file is refused, saying what is wrong. */
class LoadingSchoolCalendarTest {

    private static final String HEADER = """
            schoolDays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]
            schoolHours: { opens: "08:30", closes: "16:30" }
            """;

    private static SchoolCalendar load(String yaml) {
        return SchoolCalendar.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static ThrowableAssertAlternative<IllegalArgumentException> refused(String yaml) {
        return assertThatIllegalArgumentException().isThrownBy(() -> load(yaml));
    }

    @Test
    @DisplayName("a board's own file: its hours, its study day for one region, coverage derived from the last closure")
    void ownCalendar() {
        SchoolCalendar calendar = load("""
                schoolDays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY]
                schoolHours: { opens: "8:15", closes: "15:00" }
                closures:
                  - { name: "Studiedag", regions: [MIDDLE], from: 2026-11-25, to: 2026-11-25 }
                  - name: Kerstvakantie
                    from: 2026-12-19
                    to: 2027-01-03
                """);

        assertThat(calendar.opens()).isEqualTo(LocalTime.of(8, 15));
        assertThat(calendar.closes()).isEqualTo(LocalTime.of(15, 0));
        assertThat(calendar.coveredUntil()).isEqualTo("2027-01-03");
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 25), Region.MIDDLE)).isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 25), Region.NORTH)).isTrue();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 27), Region.NORTH)).as("a Friday").isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 12, 22), Region.SOUTH)).isFalse();
    }

    @Test
    @DisplayName("the same weeks for different regions do not overlap")
    void sameWeekOtherRegion() {
        SchoolCalendar calendar = load(HEADER + """
                closures:
                  - { name: "Herfstvakantie", regions: [NORTH], from: 2026-10-10, to: 2026-10-18 }
                  - { name: "Herfstvakantie", regions: [MIDDLE, SOUTH], from: 2026-10-10, to: 2026-10-18 }
                """);
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 10, 14), Region.SOUTH)).isFalse();
    }

    @Test
    @DisplayName("two closures overlapping in a region they share are refused, naming both")
    void overlap() {
        refused(HEADER + """
                closures:
                  - { name: "Meivakantie", from: 2027-04-24, to: 2027-05-02 }
                  - { name: "Koningsdag", regions: [NORTH], from: 2027-04-27, to: 2027-04-27 }
                """).withMessageContaining("'Meivakantie' (2027-04-24 to 2027-05-02)")
                .withMessageContaining("'Koningsdag' (2027-04-27 to 2027-04-27)")
                .withMessageContaining("overlap for [NORTH]");
    }

    @Test
    @DisplayName("a closure that ends before it starts is refused")
    void inverted() {
        refused(HEADER + """
                closures:
                  - { name: "Herfstvakantie", from: 2026-10-18, to: 2026-10-10 }
                """).withMessageContaining("closure 'Herfstvakantie' ends on 2026-10-10, before it starts on 2026-10-18");
    }

    @Test
    @DisplayName("an unknown region is refused, with the regions there are")
    void unknownRegion() {
        refused(HEADER + """
                closures:
                  - { name: "Carnaval", regions: [ZUID], from: 2027-02-08, to: 2027-02-09 }
                """).withMessageContaining("closure 'Carnaval': unknown region 'ZUID' (use NORTH, MIDDLE, SOUTH)");
        refused(HEADER + """
                closures:
                  - { name: "Carnaval", regions: [], from: 2027-02-08, to: 2027-02-09 }
                """).withMessageContaining("leave it out for all regions");
    }

    @Test
    @DisplayName("bad times and dates are refused")
    void badTimesAndDates() {
        refused("""
                schoolDays: [MONDAY]
                schoolHours: { opens: "8.30", closes: "25:00" }
                """).withMessageContaining("schoolHours.opens '8.30' is not a time like \"08:30\"")
                .withMessageContaining("schoolHours.closes '25:00' is not a time");
        refused("""
                schoolDays: [MONDAY]
                schoolHours: { opens: "16:30", closes: "08:30" }
                coveredUntil: 2027-07-31
                """).withMessageContaining("opens 16:30 is not before closes 08:30");
        refused(HEADER + """
                closures:
                  - { name: "Voorjaarsvakantie", from: 2027-02-30, to: 2027-03-07 }
                """).withMessageContaining("closure 'Voorjaarsvakantie': from '2027-02-30' is not a date like 2026-10-17");
        refused(HEADER + """
                closures:
                  - { name: "Studiedag", from: 2027-03-10 }
                """).withMessageContaining("closure 'Studiedag': to is missing");
    }

    @Test
    @DisplayName("a typing error in a key or a day is refused rather than silently ignored")
    void typos() {
        refused(HEADER + """
                closure:
                  - { name: "Studiedag", from: 2027-03-10, to: 2027-03-10 }
                """).withMessageContaining("unknown key 'closure'");
        refused("""
                schoolDays: [MONDAY, TUESDAY, WENSDAY]
                schoolHours: { opens: "08:30", closes: "16:30" }
                coveredUntil: 2027-07-31
                """).withMessageContaining("schoolDays: 'WENSDAY' is not a day");
    }

    @Test
    @DisplayName("coverage cannot end before the data does")
    void coveredUntil() {
        refused(HEADER + """
                coveredUntil: 2028-08-31
                closures:
                  - { name: "Zomervakantie", regions: [SOUTH], from: 2028-07-22, to: 2028-09-03 }
                """).withMessageContaining("coveredUntil 2028-08-31 is before the end of closure 'Zomervakantie'");
        refused(HEADER).withMessageContaining("coveredUntil is missing and there are no closures");
    }

    @Test
    @DisplayName("every problem of a file is named at once")
    void allProblems() {
        refused("""
                schoolHours: { opens: "08:30" }
                closures:
                  - { regions: [WEST], from: 2026-10-10, to: 2026-10-18 }
                """).withMessageStartingWith("The school calendar is not valid: ")
                .withMessageContaining("schoolDays is missing")
                .withMessageContaining("schoolHours.closes must be a time")
                .withMessageContaining("closure #1 has no name")
                .withMessageContaining("closure #1: unknown region 'WEST'");
    }

    @Test
    @DisplayName("something that is no calendar at all is refused")
    void notACalendar() {
        refused("").withMessage("The school calendar is empty");
        refused("- just\n- a list\n").withMessageContaining("must be a mapping");
        refused("schoolDays: [MONDAY\n").withMessageContaining("not readable YAML");
        refused(HEADER + "schoolDays: [FRIDAY]\n").withMessageContaining("not readable YAML")
                .withMessageContaining("schoolDays");
    }
}
