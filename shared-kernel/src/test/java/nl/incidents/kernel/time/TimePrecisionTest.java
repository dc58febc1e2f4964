package nl.incidents.kernel.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Times are kept, and compared, to the millisecond. */
class TimePrecisionTest {

    private static final Instant DUE = Instant.parse("2026-11-23T10:30:00.123456789Z");

    @Test
    void aTimeIsKeptCutToTheMillisecondNeverRounded() {
        assertThat(TimePrecision.kept(DUE)).isEqualTo(Instant.parse("2026-11-23T10:30:00.123Z"));
    }

    @Test
    void twoTimesAreTheSameWhenTheyAgreeToTheMillisecond() {
        // As read back from a column that kept the microseconds of a time a case holds, or from Axon's time stamp.
        assertThat(TimePrecision.same(DUE, Instant.parse("2026-11-23T10:30:00.123457Z"))).isTrue();
        assertThat(TimePrecision.same(DUE, Instant.parse("2026-11-23T10:30:00.123Z"))).isTrue();
        assertThat(TimePrecision.same(DUE, Instant.parse("2026-11-23T10:30:00.124Z"))).isFalse();
    }

    @Test
    void theClockTellsTimesAsTheyAreKept() {
        Clock clock = TimePrecision.clock(Clock.fixed(DUE, ZoneOffset.UTC));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-23T10:30:00.123Z"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }
}
