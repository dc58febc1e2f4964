package nl.incidents.kernel.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A pseudonym names the same value the same way, different values differently, and never shows the value. */
class PseudonymTest {

    @Test
    void theSameValueGivesTheSamePseudonymAndItShowsNothingOfTheValue() {
        String pseudonym = Pseudonym.of("tessa.devries@obs-de-esch.nl");
        assertThat(pseudonym).matches("#[0-9a-f]{12}").isEqualTo(Pseudonym.of("tessa.devries@obs-de-esch.nl"))
                .doesNotContain("tessa", "esch");
        assertThat(Pseudonym.of("teacher2")).isNotEqualTo(Pseudonym.of("teacher"));
        assertThat(Pseudonym.of(null)).isEqualTo("#none");
        assertThat(Pseudonym.of("")).isEqualTo("#none");
    }
}
