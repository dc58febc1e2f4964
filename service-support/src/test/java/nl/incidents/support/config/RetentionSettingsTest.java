package nl.incidents.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.incidents.kernel.protocol.RecordKind;
import nl.incidents.support.IncidentsProperties;
import org.junit.jupiter.api.Test;

/** The retention periods as a board sets them: the defaults when unset, and a wrong value named at start-up. */
class RetentionSettingsTest {

    @Test
    void unsetPeriodsAreTheDefaults() {
        IncidentsProperties.Retention retention = new IncidentsProperties(null, null, null, null, null, null, null)
                .retention();

        assertThat(retention.periods().byKind()).containsEntry(RecordKind.CASE, 5)
                .containsEntry(RecordKind.PERSONNEL_DOSSIER, 5).containsEntry(RecordKind.PUPIL_DOSSIER, 2);
    }

    @Test
    void aBoardsOwnPeriodsAreKept() {
        assertThat(new IncidentsProperties.Retention(7, 10, 3).periods().years(RecordKind.PERSONNEL_DOSSIER))
                .isEqualTo(10);
    }

    @Test
    void aPeriodOutOfBoundsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new IncidentsProperties.Retention(5, 0, 2))
                .hasMessage("The setting incidents.retention.personnel-dossier-years must be a number of years from 1"
                        + " to 100, not 0.");
    }
}
