package nl.incidents.kernel.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The measures of the protocols. Staff: warning, reprimand, suspension, dismissal, summary
 * dismissal. Pupils and parents: warning, suspension, removal from school. Outsiders: none, the
 * school has no say over them. Suspension and up, and removal, are heavy: the board's to impose.
 */
class MeasureTest {

    private static final Map<PartyRole, Set<Measure>> FITTING = Map.of(
            PartyRole.STAFF, EnumSet.of(Measure.WARNING, Measure.REPRIMAND, Measure.SUSPENSION, Measure.DISMISSAL,
                    Measure.SUMMARY_DISMISSAL),
            PartyRole.PUPIL, EnumSet.of(Measure.WARNING, Measure.SUSPENSION, Measure.REMOVAL),
            PartyRole.PARENT, EnumSet.of(Measure.WARNING, Measure.SUSPENSION, Measure.REMOVAL),
            PartyRole.OUTSIDER, EnumSet.noneOf(Measure.class));

    private static final Set<Measure> HEAVY =
            EnumSet.of(Measure.SUSPENSION, Measure.DISMISSAL, Measure.SUMMARY_DISMISSAL, Measure.REMOVAL);

    @Test
    @DisplayName("the table below covers every party role")
    void everyRoleIsSpecified() {
        assertThat(FITTING.keySet()).containsExactlyInAnyOrder(PartyRole.values());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PartyRole.class)
    @DisplayName("the measures for each party role are those of the protocols")
    void measuresFitTheirRoles(PartyRole role) {
        Set<Measure> fits = EnumSet.noneOf(Measure.class);
        Arrays.stream(Measure.values()).filter(measure -> measure.fits(role)).forEach(fits::add);

        assertThat(fits).isEqualTo(FITTING.get(role));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Measure.class)
    @DisplayName("suspension and up, and removal, are heavy; warning and reprimand are not")
    void heavyMeasures(Measure measure) {
        assertThat(measure.heavy()).isEqualTo(HEAVY.contains(measure));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Measure.class)
    @DisplayName("every measure fits someone")
    void everyMeasureFitsSomeone(Measure measure) {
        assertThat(PartyRole.values()).anyMatch(measure::fits);
    }

    @Test
    @DisplayName("a reprimand is for staff only; removal from school for pupils and parents only")
    void reprimandAndRemoval() {
        assertThat(Measure.REPRIMAND.fits(PartyRole.STAFF)).isTrue();
        assertThat(Measure.REPRIMAND.fits(PartyRole.PUPIL)).isFalse();
        assertThat(Measure.REMOVAL.fits(PartyRole.PUPIL)).isTrue();
        assertThat(Measure.REMOVAL.fits(PartyRole.STAFF)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Measure.class)
    @DisplayName("no measure fits an outsider")
    void nothingForOutsiders(Measure measure) {
        assertThat(measure.fits(PartyRole.OUTSIDER)).isFalse();
    }
}
