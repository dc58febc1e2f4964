package nl.incidents.query.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.incidents.query.evaluation.Evaluation.Cell;
import org.junit.jupiter.api.Test;

class SmallCellsTest {

    @Test
    void aCountOfOneToFourIsNeverShownButZeroAndFiveAre() {
        assertThat(shown(SmallCells.counts(List.of(0L, 1L, 4L, 5L, 12L)))).containsExactly("0", "<5", "<5", "5", "12");
        assertThat(SmallCells.count(3).value()).isNull();
    }

    @Test
    void oneSmallPartOfAShownTotalHidesTheNextSmallestPartAboveZeroToo() {
        assertThat(shown(SmallCells.parts(List.of(0L, 9L, 2L, 6L, 6L)))).containsExactly("0", "9", "<5", "x", "6");
    }

    @Test
    void twoSmallPartsCannotBeToldApartSoNothingMoreIsHidden() {
        assertThat(shown(SmallCells.parts(List.of(3L, 1L, 20L)))).containsExactly("<5", "<5", "20");
    }

    @Test
    void withoutOtherPartsAboveFourThereIsNothingMoreToHide() {
        assertThat(shown(SmallCells.parts(List.of(0L, 2L, 0L)))).containsExactly("0", "<5", "0");
    }

    @Test
    void aTimeOverFewerThanFiveCasesIsWithheldAndTheNearestRankIsTaken() {
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
