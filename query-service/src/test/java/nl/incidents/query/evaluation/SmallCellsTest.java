package nl.incidents.query.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.incidents.query.evaluation.Evaluation.Cell;
import org.junit.jupiter.api.Test;

class SmallCellsTest {

    @Test
    void everyCountIsShownRoundedToAMultipleOfFiveAndZeroToFourReadsFewerThanFive() {
        assertThat(shown(SmallCells.counts(List.of(0L, 1L, 4L, 5L, 7L, 8L, 12L, 13L, 17L, 18L, 1234L))))
                .containsExactly("<5", "<5", "<5", "5", "5", "10", "10", "15", "15", "20", "1235");
    }

    @Test
    void theValueOfACountIsTheRoundedOneNeverTheExactOne() {
        assertThat(SmallCells.count(0).value()).as("a zero is not told apart from 1 to 4").isNull();
        assertThat(SmallCells.count(3).value()).isNull();
        assertThat(SmallCells.count(7).value()).isEqualByComparingTo("5");
        assertThat(SmallCells.count(8).value()).isEqualByComparingTo("10");
        assertThat(SmallCells.count(13).value()).isEqualByComparingTo("15");
        assertThatThrownBy(() -> SmallCells.count(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScopeWithOneToFourCasesShowsNoBreakdownButFromFiveOrNoneItDoes() {
        assertThat(SmallCells.withinScope(1, SmallCells.count(1)).shown()).isEqualTo("x");
        assertThat(SmallCells.withinScope(4, SmallCells.count(0)).shown()).as("not even a zero").isEqualTo("x");
        assertThat(SmallCells.withinScope(4, SmallCells.count(4)).value()).isNull();
        assertThat(SmallCells.withinScope(5, SmallCells.count(4)).shown()).isEqualTo("<5");
        assertThat(SmallCells.withinScope(5, SmallCells.count(5)).shown()).isEqualTo("5");
        assertThat(SmallCells.withinScope(0, SmallCells.count(0)).shown()).as("no cases: nothing to hide").isEqualTo("<5");
        assertThat(SmallCells.withinScope(3, SmallCells.hours(List.of(), 50)).shown()).isEqualTo("x");
    }

    @Test
    void aTimeOverFewerThanFiveCasesIsWithheldAndTheNearestRankIsTakenExactly() {
        assertThat(SmallCells.hours(List.of(), 50).shown()).isEqualTo("-");
        assertThat(SmallCells.hours(List.of(1L, 2L, 3L, 4L), 50).shown()).isEqualTo("x");
        List<Long> hours = List.of(1L, 2L, 3L, 4L, 5L, 6L).stream().map(h -> h * 3_600_000L).toList();
        assertThat(SmallCells.hours(hours, 50).shown()).isEqualTo("3.0");
        assertThat(SmallCells.hours(hours, 90).shown()).isEqualTo("6.0");
        assertThat(SmallCells.hours(List.of(5_400_000L, 5_400_000L, 5_400_000L, 5_400_000L, 5_400_000L), 50).value())
                .isEqualByComparingTo("1.5");
    }

    private static List<String> shown(List<Cell> cells) {
        return cells.stream().map(Cell::shown).toList();
    }
}
