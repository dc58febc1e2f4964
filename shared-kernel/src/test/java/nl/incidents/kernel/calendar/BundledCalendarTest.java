package nl.incidents.kernel.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import nl.incidents.kernel.incident.Region;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled calendar holds the published school holidays and the national days off. The
 * holiday table below is the Rijksoverheid's, typed a second time: a typo in either copy shows.
 */
class BundledCalendarTest {

    private static final SchoolCalendar CALENDAR = SchoolCalendar.standard();

    @Test
    @DisplayName("the bundled calendar loads once: Monday to Friday, 08:30 to 16:30, data until summer 2028")
    void standard() {
        assertThat(SchoolCalendar.standard()).isSameAs(CALENDAR);
        assertThat(CALENDAR.opens()).isEqualTo(LocalTime.of(8, 30));
        assertThat(CALENDAR.closes()).isEqualTo(LocalTime.of(16, 30));
        assertThat(CALENDAR.coveredUntil()).isEqualTo("2028-09-03");
    }

    @ParameterizedTest(name = "{1} {0}: closed from Monday {2} to Friday {3}")
    @CsvSource({
            "NORTH,  Herfstvakantie 2026,    2026-10-12, 2026-10-16",
            "MIDDLE, Herfstvakantie 2026,    2026-10-19, 2026-10-23",
            "SOUTH,  Herfstvakantie 2026,    2026-10-19, 2026-10-23",
            "NORTH,  Kerstvakantie 2026,     2026-12-21, 2027-01-01",
            "MIDDLE, Kerstvakantie 2026,     2026-12-21, 2027-01-01",
            "SOUTH,  Kerstvakantie 2026,     2026-12-21, 2027-01-01",
            "NORTH,  Voorjaarsvakantie 2027, 2027-02-22, 2027-02-26",
            "MIDDLE, Voorjaarsvakantie 2027, 2027-02-22, 2027-02-26",
            "SOUTH,  Voorjaarsvakantie 2027, 2027-02-15, 2027-02-19",
            "NORTH,  Meivakantie 2027,       2027-04-26, 2027-04-30",
            "MIDDLE, Meivakantie 2027,       2027-04-26, 2027-04-30",
            "SOUTH,  Meivakantie 2027,       2027-04-26, 2027-04-30",
            "NORTH,  Zomervakantie 2027,     2027-07-12, 2027-08-20",
            "MIDDLE, Zomervakantie 2027,     2027-07-19, 2027-08-27",
            "SOUTH,  Zomervakantie 2027,     2027-07-26, 2027-09-03",
            "NORTH,  Herfstvakantie 2027,    2027-10-18, 2027-10-22",
            "MIDDLE, Herfstvakantie 2027,    2027-10-18, 2027-10-22",
            "SOUTH,  Herfstvakantie 2027,    2027-10-25, 2027-10-29",
            "NORTH,  Kerstvakantie 2027,     2027-12-27, 2028-01-07",
            "MIDDLE, Kerstvakantie 2027,     2027-12-27, 2028-01-07",
            "SOUTH,  Kerstvakantie 2027,     2027-12-27, 2028-01-07",
            "NORTH,  Voorjaarsvakantie 2028, 2028-02-21, 2028-02-25",
            "MIDDLE, Voorjaarsvakantie 2028, 2028-02-28, 2028-03-03",
            "SOUTH,  Voorjaarsvakantie 2028, 2028-02-28, 2028-03-03",
            "NORTH,  Meivakantie 2028,       2028-05-01, 2028-05-05",
            "MIDDLE, Meivakantie 2028,       2028-05-01, 2028-05-05",
            "SOUTH,  Meivakantie 2028,       2028-05-01, 2028-05-05",
            "NORTH,  Zomervakantie 2028,     2028-07-17, 2028-08-25",
            "MIDDLE, Zomervakantie 2028,     2028-07-10, 2028-08-18",
            "SOUTH,  Zomervakantie 2028,     2028-07-24, 2028-09-01",
    })
    void holidayWeeks(Region region, String holiday, LocalDate firstMonday, LocalDate lastFriday) {
        assertThat(CALENDAR.isSchoolDay(firstMonday.minusDays(3), region)).as("the Friday before").isTrue();
        for (LocalDate day = firstMonday; !day.isAfter(lastFriday); day = day.plusDays(1)) {
            assertThat(CALENDAR.isSchoolDay(day, region)).as(day.toString()).isFalse();
        }
        assertThat(CALENDAR.isSchoolDay(lastFriday.plusDays(3), region)).as("the Monday after").isTrue();
    }

    @Test
    @DisplayName("Easter falls on 28 March 2027 and 16 April 2028")
    void easter() {
        assertThat(easterSunday(2027)).isEqualTo("2027-03-28");
        assertThat(easterSunday(2028)).isEqualTo("2028-04-16");
        assertThat(easterSunday(2026)).isEqualTo("2026-04-05");
    }

    @Test
    @DisplayName("Good Friday, Easter Monday, Ascension Day and the Friday after, Whit Monday: closed everywhere")
    void daysFollowingEaster() {
        for (int year : new int[] {2027, 2028}) {
            LocalDate easter = easterSunday(year);
            for (Region region : Region.values()) {
                assertThat(CALENDAR.isSchoolDay(easter.minusDays(3), region)).as("Maundy Thursday %d", year).isTrue();
                assertThat(CALENDAR.isSchoolDay(easter.minusDays(2), region)).as("Goede Vrijdag %d", year).isFalse();
                assertThat(CALENDAR.isSchoolDay(easter.plusDays(1), region)).as("Tweede Paasdag %d", year).isFalse();
                assertThat(CALENDAR.isSchoolDay(easter.plusDays(38), region)).as("day before Hemelvaart %d", year).isTrue();
                assertThat(CALENDAR.isSchoolDay(easter.plusDays(39), region)).as("Hemelvaartsdag %d", year).isFalse();
                assertThat(CALENDAR.isSchoolDay(easter.plusDays(40), region)).as("Friday after Hemelvaart %d", year).isFalse();
                assertThat(CALENDAR.isSchoolDay(easter.plusDays(50), region)).as("Tweede Pinksterdag %d", year).isFalse();
                assertThat(CALENDAR.isSchoolDay(easter.plusDays(51), region)).as("Tuesday after Pinksteren %d", year).isTrue();
            }
        }
    }

    @Test
    @DisplayName("Koningsdag 2028 is closed; Bevrijdingsdag 2027 is a school day, 2027 being no lustrum year")
    void koningsdagAndBevrijdingsdag() {
        for (Region region : Region.values()) {
            assertThat(CALENDAR.isSchoolDay(LocalDate.of(2028, 4, 27), region)).isFalse();
            assertThat(CALENDAR.isSchoolDay(LocalDate.of(2028, 4, 26), region)).isTrue();
            assertThat(CALENDAR.isSchoolDay(LocalDate.of(2027, 5, 5), region)).isTrue();
        }
    }

    @Test
    @DisplayName("beyond the data every weekday is a school day, for no holidays are known")
    void beyondTheData() {
        // Monday 16 October 2028 will probably be in the north's herfstvakantie, but the file does not say so.
        assertThat(CALENDAR.isSchoolDay(LocalDate.of(2028, 10, 16), Region.NORTH)).isTrue();
        assertThat(CALENDAR.isSchoolDay(LocalDate.of(2028, 9, 4), Region.SOUTH)).isTrue();
        assertThat(CALENDAR.isSchoolDay(LocalDate.of(2028, 9, 9), Region.SOUTH)).isFalse();
    }

    /** The Gregorian computus (Meeus/Jones/Butcher), independent of the dates typed in the file. */
    private static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        LocalDate easter = LocalDate.of(year, month, day);
        assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        return easter;
    }
}
