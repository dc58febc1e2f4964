package nl.incidents.kernel.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Times are kept, and compared, to the microsecond. */
class TimePrecisionTest {

    private static final Instant DUE = Instant.parse("2026-11-23T10:30:00.123456789Z");

    @Test
    void aTimeIsKeptCutToTheMicrosecondNeverRounded() {
        assertThat(TimePrecision.kept(DUE)).isEqualTo(Instant.parse("2026-11-23T10:30:00.123456Z"));
    }

    @Test
    void twoTimesAreTheSameWhenTheyAgreeToTheMicrosecond() {
        // As read back from a column that kept the microseconds of the time a case holds.
        assertThat(TimePrecision.same(DUE, Instant.parse("2026-11-23T10:30:00.123456Z"))).isTrue();
        assertThat(TimePrecision.same(DUE, Instant.parse("2026-11-23T10:30:00.123457Z"))).isFalse();
    }

    @Test
    void theClockTellsTimesAsTheyAreKept() {
        Clock clock = TimePrecision.clock(Clock.fixed(DUE, ZoneOffset.UTC));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-23T10:30:00.123456Z"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }
}
