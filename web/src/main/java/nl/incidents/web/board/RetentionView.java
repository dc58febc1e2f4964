package nl.incidents.web.board;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The command service's dry run of the retention schedule ({@code GET /api/retention/due}) as the board's page
 * "Bewaartermijnen" reads it: what the daily task erases by a moment and when, and what a hold keeps. Times are Dutch
 * time with their offset.
 *
 * @param until    the moment asked about
 * @param periods  the retention periods in force, in years, by kind ({@code case}, {@code personnel-dossier},
 *                 {@code pupil-dossier})
 * @param erasable the cases the task erases something of, the earliest closed first
 * @param held     the cases with something past its period that a hold keeps
 */
record RetentionView(OffsetDateTime until, Map<String, Integer> periods, List<Case> erasable, List<Case> held) {

    RetentionView {
        periods = periods == null ? Map.of() : periods;
        erasable = erasable == null ? List.of() : erasable;
        held = held == null ? List.of() : held;
    }

    /** One case: what goes of it, and for a held case the codes of its holds. */
    record Case(String incidentId, OffsetDateTime closedAt, List<Part> erase, List<String> holds) {

        Case {
            erase = erase == null ? List.of() : erase;
            holds = holds == null ? List.of() : holds;
        }
    }

    /**
     * One kind of record that goes: {@code case}, or the entries of a dossier kind for this many {@code people}; when
     * its period ends, and the task's run that erases it (none for a held case).
     */
    record Part(String kind, Integer people, OffsetDateTime from, OffsetDateTime erasedAt) {
    }
}
