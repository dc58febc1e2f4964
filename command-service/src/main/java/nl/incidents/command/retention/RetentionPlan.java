package nl.incidents.command.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.protocol.Hold;
import nl.incidents.kernel.protocol.RecordKind;
import nl.incidents.kernel.protocol.Retention;
import nl.incidents.kernel.protocol.RetentionPeriods;

/**
 * What the end of a retention period (bewaartermijn) erases of one closed case by a given moment, and what holds it:
 * the one rule the daily task erases by and the board's dry run shows, so the two cannot disagree. It applies the
 * kernel's {@link Retention#of} to the case folded from all its events:
 *
 * <ul>
 *   <li>once the case's own period ({@link RecordKind#CASE}) has ended, the whole case goes, its dossier entries with
 *       it ({@code EraseCase});</li>
 *   <li>before that, once the pupil dossier period has ended, each pupil and parent who has a dossier entry in the case
 *       (a measure or correspondence about them) is erased from the case ({@code ErasePersonFromCase}), since an entry
 *       is only readable through its person's key of the case; likewise each staff member with an entry once the
 *       personnel dossier period has ended. Who is involved without an entry stays until the case goes: the periods
 *       are those of dossier entries ({@link RecordKind}), not of a party's part in a case;</li>
 *   <li>a person already erased (their reference reads {@link PersonId#ERASED}) is not counted again.</li>
 * </ul>
 *
 * A dossier period longer than the case's ends with the case: its entries cannot outlive the case they are part of.
 * The holds ({@link CaseProgress#holds()}: the board's legal hold, an open police report, an open consultation of the
 * inspector) are those in force now; a held plan is shown, never carried out.
 *
 * @param incidentId the case
 * @param closedAt   when it closed (its {@code IncidentClosed} event)
 * @param parts      what goes: the whole case, or the dossier entries of the kinds whose period ended; never empty
 * @param holds      what keeps the case now, in the order of {@link CaseProgress#holds()}; empty when nothing does
 */
record RetentionPlan(IncidentId incidentId, Instant closedAt, List<Part> parts, List<Hold> holds) {

    RetentionPlan {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(closedAt, "closedAt");
        parts = List.copyOf(parts);
        holds = List.copyOf(holds);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("A plan erases something.");
        }
    }

    /**
     * One kind of record that goes.
     *
     * @param kind   the whole case, or the entries of one kind of dossier
     * @param from   when the kind's period ended (or ends): the closure plus its years, on the Dutch calendar
     * @param people for a dossier kind the people whose entries go, in the order of their first entry; empty for the
     *               case (everyone in it goes)
     */
    record Part(RecordKind kind, Instant from, List<PersonId> people) {

        Part {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(from, "from");
            people = List.copyOf(people);
        }
    }

    /** Whether something keeps the case now, so nothing of it is erased. */
    boolean held() {
        return !holds.isEmpty();
    }

    /**
     * What goes of this case by {@code until}, if anything.
     *
     * @param events   all the case's events, in order
     * @param closedAt the time of its {@code IncidentClosed} event; ignored (may be null) while the case is open
     * @return empty when the case is open or erased, or nothing of it has reached the end of its period by
     *         {@code until}; else the plan, held or not
     */
    static Optional<RetentionPlan> of(IncidentId incidentId, List<? extends IncidentEvent> events, Instant closedAt,
                                      RetentionPeriods periods, Instant until) {
        CaseProgress progress = CaseProgress.of(incidentId, events);
        if (!progress.closed() || progress.erased()) {
            return Optional.empty();
        }
        Retention.Verdict verdict = Retention.of(progress, closedAt, periods, until);
        List<Part> parts = new ArrayList<>();
        Instant caseFrom = verdict.caseErasableFrom();
        if (!until.isBefore(caseFrom)) {
            parts.add(new Part(RecordKind.CASE, caseFrom, List.of()));
        } else {
            for (RecordKind kind : List.of(RecordKind.PERSONNEL_DOSSIER, RecordKind.PUPIL_DOSSIER)) {
                Instant from = verdict.erasableFrom().get(kind);
                List<PersonId> people = withEntries(events, kind);
                if (!until.isBefore(from) && !people.isEmpty()) {
                    parts.add(new Part(kind, from, people));
                }
            }
        }
        return parts.isEmpty() ? Optional.empty()
                : Optional.of(new RetentionPlan(incidentId, closedAt, parts, verdict.holds()));
    }

    /** The people with an entry of this kind of dossier in the case who were not erased yet. */
    private static List<PersonId> withEntries(List<? extends IncidentEvent> events, RecordKind kind) {
        Set<PersonId> people = new LinkedHashSet<>();
        for (IncidentEvent event : events) {
            if (event instanceof MeasureImposed e && dossierOf(e.partyRole()) == kind && !e.personId().erased()) {
                people.add(e.personId());
            } else if (event instanceof CorrespondenceRecorded e && dossierOf(e.partyRole()) == kind
                    && !e.personId().erased()) {
                people.add(e.personId());
            }
        }
        return List.copyOf(people);
    }

    /**
     * The dossier an entry about someone in this role belongs to, as the query service files it: a staff member's in
     * their personnel dossier, a pupil's and a parent's in the pupil dossier; an outsider's in none (it stays with the
     * case).
     */
    static RecordKind dossierOf(PartyRole role) {
        return switch (role) {
            case STAFF -> RecordKind.PERSONNEL_DOSSIER;
            case PUPIL, PARENT -> RecordKind.PUPIL_DOSSIER;
            case OUTSIDER -> null;
        };
    }
}
