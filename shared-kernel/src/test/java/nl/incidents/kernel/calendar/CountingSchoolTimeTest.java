package nl.incidents.kernel.calendar;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import nl.incidents.kernel.incident.Region;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How a deadline in school time falls, told the way a school administrator would: "reported on
 * Friday at three, two school hours later is Monday at nine". Times are Amsterdam wall-clock times.
 */
class CountingSchoolTimeTest {

    private static final SchoolCalendar CALENDAR = SchoolCalendar.standard();

    static Instant at(String amsterdamTime) {
        return LocalDateTime.parse(amsterdamTime).atZone(SchoolCalendar.ZONE).toInstant();
    }

    static ZonedDateTime inAmsterdam(Instant instant) {
        return instant.atZone(SchoolCalendar.ZONE);
    }

    private static LocalDateTime deadline(String reported, Duration schoolTime, Region region) {
        return inAmsterdam(CALENDAR.addSchoolTime(at(reported), schoolTime, region)).toLocalDateTime();
    }

    @Nested
    @DisplayName("an ordinary school week")
    class OrdinaryWeek {

        @Test
        @DisplayName("Friday 15:00 plus two school hours is Monday 09:00")
        void fridayAfternoonToMondayMorning() {
            // Friday 27 and Monday 30 November 2026: no holiday anywhere.
            for (Region region : Region.values()) {
                assertThat(deadline("2026-11-27T15:00", ofHours(2), region))
                        .isEqualTo("2026-11-30T09:00");
            }
        }

        @Test
        @DisplayName("within one school day, school time is clock time")
        void withinOneDay() {
            assertThat(deadline("2026-11-24T09:00", ofHours(3), Region.MIDDLE)).isEqualTo("2026-11-24T12:00");
        }

        @Test
        @DisplayName("a count that ends exactly at closing ends at 16:30 that day, not the next morning")
        void endingAtClosing() {
            assertThat(deadline("2026-11-27T15:00", ofMinutes(90), Region.NORTH)).isEqualTo("2026-11-27T16:30");
            assertThat(deadline("2026-11-30T08:30", ofHours(8), Region.NORTH)).isEqualTo("2026-11-30T16:30");
        }

        @Test
        @DisplayName("thirty school days are six weeks, counted day by day and fast")
        void thirtySchoolDays() {
            // Monday 2 November to Friday 11 December 2026: no holiday in between.
            assertThat(deadline("2026-11-02T08:30", ofHours(8 * 30), Region.SOUTH)).isEqualTo("2026-12-11T16:30");
            // A whole school year of school time still takes no noticeable time.
            Instant yearLater = assertTimeoutPreemptively(Duration.ofSeconds(1),
                    () -> CALENDAR.addSchoolTime(at("2026-09-01T08:30"), ofHours(8 * 190), Region.SOUTH));
            assertThat(yearLater).isAfter(at("2027-06-01T00:00"));
        }
    }

    @Nested
    @DisplayName("a report outside school time")
    class OutsideSchoolTime {

        @Test
        @DisplayName("reported at night: counting starts at the next opening")
        void atNight() {
            assertThat(deadline("2026-11-24T22:00", ofHours(1), Region.NORTH)).isEqualTo("2026-11-25T09:30");
            assertThat(deadline("2026-11-25T06:00", ofHours(1), Region.NORTH)).isEqualTo("2026-11-25T09:30");
        }

        @Test
        @DisplayName("reported in the weekend: counting starts on Monday at 08:30")
        void inTheWeekend() {
            assertThat(deadline("2026-11-28T11:00", ofHours(1), Region.MIDDLE)).isEqualTo("2026-11-30T09:30");
        }

        @Test
        @DisplayName("reported during a region's holiday: counting starts when that region's schools reopen")
        void inAHoliday() {
            // Wednesday 14 October 2026: herfstvakantie in the north only.
            assertThat(deadline("2026-10-14T10:00", ofHours(1), Region.NORTH)).isEqualTo("2026-10-19T09:30");
            assertThat(deadline("2026-10-14T10:00", ofHours(1), Region.MIDDLE)).isEqualTo("2026-10-14T11:00");
        }

        @Test
        @DisplayName("no school time at all: the moment itself in school time, else the next opening")
        void zero() {
            Instant duringLessons = at("2026-11-24T10:15:30.123456789");
            assertThat(CALENDAR.addSchoolTime(duringLessons, Duration.ZERO, Region.NORTH)).isEqualTo(duringLessons);
            assertThat(deadline("2026-11-24T07:00", Duration.ZERO, Region.NORTH)).isEqualTo("2026-11-24T08:30");
            assertThat(deadline("2026-11-27T16:30", Duration.ZERO, Region.NORTH)).isEqualTo("2026-11-30T08:30");
        }

        @Test
        @DisplayName("school time is never counted backwards")
        void negative() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CALENDAR.addSchoolTime(at("2026-11-24T10:00"), ofMinutes(-1), Region.NORTH))
                    .withMessageContaining("forward");
        }
    }

    @Nested
    @DisplayName("holidays")
    class Holidays {

        @Test
        @DisplayName("the voorjaarsvakantie of one region is skipped only for that region's schools")
        void voorjaarsvakantiePerRegion() {
            // 2027: zuid 13-21 February, noord and midden 20-28 February.
            assertThat(deadline("2027-02-12T15:00", ofHours(2), Region.NORTH)).isEqualTo("2027-02-15T09:00");
            assertThat(deadline("2027-02-12T15:00", ofHours(2), Region.MIDDLE)).isEqualTo("2027-02-15T09:00");
            assertThat(deadline("2027-02-12T15:00", ofHours(2), Region.SOUTH)).isEqualTo("2027-02-22T09:00");

            assertThat(deadline("2027-02-19T15:00", ofHours(2), Region.NORTH)).isEqualTo("2027-03-01T09:00");
            assertThat(deadline("2027-02-19T15:00", ofHours(2), Region.MIDDLE)).isEqualTo("2027-03-01T09:00");
            // For the south that Friday is in its own holiday: two hours from Monday's opening.
            assertThat(deadline("2027-02-19T15:00", ofHours(2), Region.SOUTH)).isEqualTo("2027-02-22T10:30");

            // 2028: noord 19-27 February, midden and zuid 26 February - 5 March.
            assertThat(deadline("2028-02-18T15:00", ofHours(2), Region.NORTH)).isEqualTo("2028-02-28T09:00");
            assertThat(deadline("2028-02-18T15:00", ofHours(2), Region.MIDDLE)).isEqualTo("2028-02-21T09:00");
            assertThat(deadline("2028-02-25T15:00", ofHours(2), Region.MIDDLE)).isEqualTo("2028-03-06T09:00");
            assertThat(deadline("2028-02-25T15:00", ofHours(2), Region.SOUTH)).isEqualTo("2028-03-06T09:00");
        }

        @Test
        @DisplayName("the kerstvakantie is skipped everywhere")
        void kerstvakantie() {
            for (Region region : Region.values()) {
                assertThat(deadline("2026-12-18T15:00", ofHours(2), region)).isEqualTo("2027-01-04T09:00");
                assertThat(deadline("2027-12-24T15:00", ofHours(2), region)).isEqualTo("2028-01-10T09:00");
            }
        }

        @Test
        @DisplayName("the zomervakantie is skipped, six weeks that differ per region")
        void zomervakantie() {
            assertThat(deadline("2027-07-09T15:00", ofHours(2), Region.NORTH)).isEqualTo("2027-08-23T09:00");
            assertThat(deadline("2027-07-16T15:00", ofHours(2), Region.MIDDLE)).isEqualTo("2027-08-30T09:00");
            assertThat(deadline("2027-07-23T15:00", ofHours(2), Region.SOUTH)).isEqualTo("2027-09-06T09:00");
        }

        @Test
        @DisplayName("schools are closed on Koningsdag, Hemelvaartsdag and the Friday after it")
        void nationalDaysOff() {
            // Koningsdag, Thursday 27 April 2028.
            assertThat(deadline("2028-04-26T15:00", ofHours(2), Region.NORTH)).isEqualTo("2028-04-28T09:00");
            // Hemelvaartsdag, Thursday 6 May 2027, and Friday 7 May.
            assertThat(deadline("2027-05-05T15:00", ofHours(2), Region.SOUTH)).isEqualTo("2027-05-10T09:00");
        }
    }

    @Nested
    @DisplayName("summer time begins or ends in the weekend")
    class DaylightSaving {

        @Test
        @DisplayName("end of summer time, Sunday 25 October 2026: Monday 09:00 stays 09:00, now at +01:00")
        void autumn() {
            Instant reported = at("2026-10-23T15:00");
            Instant due = CALENDAR.addSchoolTime(reported, ofHours(2), Region.NORTH);

            assertThat(inAmsterdam(reported).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
            assertThat(inAmsterdam(due).toLocalDateTime()).isEqualTo("2026-10-26T09:00");
            assertThat(inAmsterdam(due).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
            assertThat(due).isEqualTo("2026-10-26T08:00:00Z");
        }

        @Test
        @DisplayName("three school days across the change end at the wall-clock time they started")
        void autumnSeveralDays() {
            assertThat(deadline("2026-10-21T10:00", ofHours(24), Region.NORTH)).isEqualTo("2026-10-26T10:00");
        }

        @Test
        @DisplayName("start of summer time, Easter Sunday 28 March 2027: Good Friday and Easter Monday skipped too")
        void springAtEaster() {
            Instant due = CALENDAR.addSchoolTime(at("2027-03-25T15:00"), ofHours(2), Region.MIDDLE);

            assertThat(inAmsterdam(due).toLocalDateTime()).isEqualTo("2027-03-30T09:00");
            assertThat(inAmsterdam(due).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
            assertThat(due).isEqualTo("2027-03-30T07:00:00Z");
        }

        @Test
        @DisplayName("start of summer time, Sunday 26 March 2028: Monday 09:00 stays 09:00, now at +02:00")
        void spring() {
            Instant reported = at("2028-03-24T15:00");
            Instant due = CALENDAR.addSchoolTime(reported, ofHours(2), Region.SOUTH);

            assertThat(inAmsterdam(reported).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
            assertThat(inAmsterdam(due).toLocalDateTime()).isEqualTo("2028-03-27T09:00");
            assertThat(inAmsterdam(due).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        }
    }

    @Nested
    @DisplayName("is it school time?")
    class IsSchoolTime {

        @Test
        @DisplayName("from 08:30 up to, not including, 16:30")
        void boundaries() {
            assertThat(CALENDAR.isSchoolTime(at("2026-11-30T08:29:59.999"), Region.NORTH)).isFalse();
            assertThat(CALENDAR.isSchoolTime(at("2026-11-30T08:30"), Region.NORTH)).isTrue();
            assertThat(CALENDAR.isSchoolTime(at("2026-11-30T16:29:59.999"), Region.NORTH)).isTrue();
            assertThat(CALENDAR.isSchoolTime(at("2026-11-30T16:30"), Region.NORTH)).isFalse();
        }

        @Test
        @DisplayName("not in the weekend, and not in the region's own holiday")
        void weekendAndHoliday() {
            assertThat(CALENDAR.isSchoolTime(at("2026-11-28T10:00"), Region.NORTH)).isFalse();
            assertThat(CALENDAR.isSchoolTime(at("2026-10-14T10:00"), Region.NORTH)).isFalse();
            assertThat(CALENDAR.isSchoolTime(at("2026-10-14T10:00"), Region.SOUTH)).isTrue();
        }
    }
}
