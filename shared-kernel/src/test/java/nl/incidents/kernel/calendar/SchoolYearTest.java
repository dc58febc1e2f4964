package nl.incidents.kernel.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SchoolYearTest {

    @Test
    void aSchoolYearRunsFromTheFirstOfAugustToTheLastOfJuly() {
        assertThat(SchoolYear.of(LocalDate.of(2026, 7, 31))).isEqualTo(new SchoolYear(2025));
        assertThat(SchoolYear.of(LocalDate.of(2026, 8, 1))).isEqualTo(new SchoolYear(2026));
        assertThat(SchoolYear.of(LocalDate.of(2026, 11, 30)).start()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(new SchoolYear(2025).end()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(new SchoolYear(2025).previous().start()).isEqualTo(LocalDate.of(2024, 8, 1));
    }
}
