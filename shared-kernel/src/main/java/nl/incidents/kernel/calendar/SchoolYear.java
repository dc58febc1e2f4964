package nl.incidents.kernel.calendar;

import java.time.LocalDate;
import java.time.Month;

/**
 * A Dutch school year (schooljaar): from 1 August up to, not including, 1 August of the next year, as the Wet op het
 * primair onderwijs and the Wet op het voortgezet onderwijs define it (art. 1: "schooljaar: het tijdvak dat aanvangt
 * op 1 augustus en eindigt op 31 juli"). Dates are days in Dutch time; the year is named by the calendar year it
 * starts in ({@code 2025} is 2025-08-01 up to 2026-08-01).
 *
 * @param startYear the calendar year in which the school year starts
 */
public record SchoolYear(int startYear) {

    /** The school year the day falls in. */
    public static SchoolYear of(LocalDate day) {
        return new SchoolYear(day.getMonth().compareTo(Month.AUGUST) >= 0 ? day.getYear() : day.getYear() - 1);
    }

    /** Its first day, 1 August. */
    public LocalDate start() {
        return LocalDate.of(startYear, Month.AUGUST, 1);
    }

    /** The day after its last: 1 August of the next year (exclusive). */
    public LocalDate end() {
        return start().plusYears(1);
    }

    /** The school year before this one. */
    public SchoolYear previous() {
        return new SchoolYear(startYear - 1);
    }
}
