package nl.incidents.query.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EvidenceAttached;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.protocol.CasePolicies;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.protocol.NeedToKnow;
import org.springframework.stereotype.Component;

/**
 * Who may read which case. Cases hold personal data of pupils and staff, so each role sees only
 * what its part in the protocol needs: the board everything; a manager the cases of their own
 * schools and those they hold; the communications department the cases it was informed of; a staff
 * member the cases they reported. Only the board reviews a case's full history, and only the
 * case's handlers (its manager, the board) read the measures, correspondence and inspector
 * reports about the people involved, and the case's timing.
 *
 * <p>Above all roles: {@link #aPersonInvolvedReadsOnlyWhatTheyReported}, and need to know
 * ({@link #onlyThoseWhoNeedToKnowReadANeedToKnowCase}): a legal-duty case, or one the board marked, is read only by the
 * board and the people the board added. Its reporter, when neither, keeps the reporter's view of their own report
 * (the course of the case), nothing more.
 */
@Component
public class CaseAccess {

    private final OrganisationDirectory directory;

    public CaseAccess(OrganisationDirectory directory) {
        this.directory = directory;
    }

    /** A SQL condition over {@code incident_summary}, with its positional parameters. */
    public record Filter(String where, List<Object> parameters) {
    }

    /**
     * A person involved in a discussion (author, target or bystander) reads its case as its reporter
     * does when they reported it, and otherwise not at all: the kernel's rule that nobody involved
     * handles the case ({@link CasePolicies#mayHold}), so nobody involved reads it in full, not even
     * a manager of its school or a board member. A refusal does not say why, so that it does not tell
     * anyone that they are named in a case.
     *
     * @return whether the viewer reads this case only as its reporter
     */
    public static boolean aPersonInvolvedReadsOnlyWhatTheyReported(Actor viewer, CaseProgress progress) {
        return viewer.role() != ActorRole.SYSTEM && !CasePolicies.mayHold(viewer.id(), progress);
    }

    /**
     * Need to know (the kernel's {@link NeedToKnow}): a manager, the communications department or a staff member reads
     * a need-to-know case (legal duty, or marked by the board) only when the board added them to it, and then reads
     * it as their role reads a case, whatever its school; anyone else of those roles sees nothing of it, not in a
     * list, a dossier, the live updates or a person's dossier. The board reads it as any case. A reporter who may not know of it keeps their own report
     * ({@link #dossierEventsFor(Actor, CaseProgress)}): they made it, and learn no more than that it was taken up and
     * closed.
     *
     * @return whether the viewer reads this case as their role allows, as far as need to know goes
     */
    public static boolean onlyThoseWhoNeedToKnowReadANeedToKnowCase(Actor viewer, CaseProgress progress) {
        return NeedToKnow.mayKnow(viewer, progress);
    }

    /** The SQL condition over {@code incident_summary}: the board added the viewer (the one parameter) to the case. */
    static final String ADDED = "EXISTS (SELECT 1 FROM need_to_know_reader r"
            + " WHERE r.incident_id = incident_summary.incident_id AND r.person_id = ?)";

    /** The cases the viewer may see: those their role reads in full, and those they reported. */
    public Filter listFilter(Actor viewer) {
        if (viewer.role() == ActorRole.SYSTEM) {
            return new Filter("1 = 1", List.of());
        }
        Filter full = fullView(viewer);
        List<Object> parameters = new ArrayList<>(full.parameters());
        parameters.add(viewer.id().value());
        return new Filter("((" + full.where() + ") OR reported_by = ?)", parameters);
    }

    /**
     * Conditions that each pick some of the viewer's cases by an index of their own, together all the cases of
     * {@link #listFilter} (each is only a start: the list's condition still applies), or none when the viewer's cases
     * are best found by walking the list's order. A staff member sees only what they reported and the cases the board
     * added them to, a handful among many thousands: walking every case newest first to find them would read them all
     * ({@code incident_summary_reporter}, {@code need_to_know_reader_person}, query schema V18).
     */
    public List<Filter> listSeeds(Actor viewer) {
        if (viewer.role() != ActorRole.STAFF) {
            return List.of();
        }
        String id = viewer.id().value();
        return List.of(new Filter("reported_by = ?", List.of(id)),
                new Filter("incident_id IN (SELECT r.incident_id FROM need_to_know_reader r WHERE r.person_id = ?)",
                        List.of(id)));
    }

    /**
     * The cases the viewer reads as their role may ({@link #dossierEventsFor(Actor)}): their role's
     * cases in which they are not involved ({@link #aPersonInvolvedReadsOnlyWhatTheyReported}, as the
     * list keeps it in {@code incident_party}). Any other case they see, they reported.
     */
    public Filter fullView(Actor viewer) {
        String id = viewer.id().value();
        String notInvolved = " AND NOT EXISTS (SELECT 1 FROM incident_party p"
                + " WHERE p.incident_id = incident_summary.incident_id AND p.person_id = ?)";
        Filter role = switch (viewer.role()) {
            case SYSTEM, BOARD -> new Filter("1 = 1", List.of());
            case COMMUNICATIONS -> new Filter("communications_notified = TRUE", List.of());
            case STAFF -> new Filter("reported_by = ?", List.of(id));
            case MANAGER -> {
                Set<String> schools = directory.schoolsOf(viewer.id());
                List<Object> parameters = new ArrayList<>(List.of(id, id));
                StringBuilder where = new StringBuilder("(assignee_id = ? OR manager_id = ?");
                if (!schools.isEmpty()) {
                    where.append(" OR school_id IN (").append(String.join(", ", schools.stream().map(s -> "?").toList()))
                            .append(")");
                    parameters.addAll(schools);
                }
                yield new Filter(where.append(")").toString(), parameters);
            }
        };
        if (viewer.role() == ActorRole.SYSTEM) {
            return role;
        }
        if (viewer.role() == ActorRole.BOARD) {
            return new Filter(role.where() + notInvolved, List.of(id));
        }
        // Their role's cases that are not need-to-know, and every case the board added them to.
        List<Object> parameters = new ArrayList<>(role.parameters());
        parameters.add(id);
        parameters.add(id);
        return new Filter("((" + role.where() + ") AND incident_summary.need_to_know = FALSE OR " + ADDED + ")"
                + notInvolved, parameters);
    }

    private static final Set<Class<? extends IncidentEvent>> EVERYTHING = Stream.of(
                    IncidentEvent.class.getPermittedSubclasses())
            .map(type -> type.asSubclass(IncidentEvent.class))
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<Class<? extends IncidentEvent>> COURSE_OF_THE_CASE = Set.of(
            DerailingDiscussionReported.class, IncidentEscalated.class, EscalationAcknowledged.class,
            ResponseStrategyAgreed.class, IncidentClosed.class, EvidenceAttached.class);
    /**
     * What a reporter the board did not add reads of their own need-to-know case: their report, that it was taken up
     * and that it was closed. Not how it is handled (escalations, the strategy) nor the evidence others attached.
     */
    private static final Set<Class<? extends IncidentEvent>> OWN_REPORT = Set.of(
            DerailingDiscussionReported.class, EscalationAcknowledged.class, IncidentClosed.class);

    /**
     * Which of a case's events the viewer's dossier shows. A reporter sees the course of their case, with its evidence;
     * the communications department also what it was told and whether the police were involved
     * (filed or declined). The case's timing (its terms, deadlines, late steps and the board's
     * reminders) is for those who handle it: each of those event types covers the police decision
     * and the inspector consultation too, and a deadline to consult the inspector, or the legal duty
     * in the terms, would tell that a suspected sexual offence by a staff member is being handled.
     */
    public Set<Class<? extends IncidentEvent>> dossierEventsFor(Actor viewer) {
        return switch (viewer.role()) {
            case BOARD, MANAGER, SYSTEM -> EVERYTHING;
            case STAFF -> COURSE_OF_THE_CASE;
            case COMMUNICATIONS -> Stream.concat(COURSE_OF_THE_CASE.stream(),
                            Stream.of(CommunicationsDepartmentNotified.class, FiledWithPolice.class,
                                    PoliceReportDeclined.class))
                    .collect(Collectors.toUnmodifiableSet());
        };
    }

    /**
     * Which of this case's events the viewer's dossier shows: as {@link #dossierEventsFor(Actor)}; the reporter's part
     * for someone involved; on a need-to-know case, for a reporter the board did not add, only their own report, that
     * it was taken up and that it was closed.
     */
    public Set<Class<? extends IncidentEvent>> dossierEventsFor(Actor viewer, CaseProgress progress) {
        if (!onlyThoseWhoNeedToKnowReadANeedToKnowCase(viewer, progress)) {
            return OWN_REPORT;
        }
        return aPersonInvolvedReadsOnlyWhatTheyReported(viewer, progress) ? COURSE_OF_THE_CASE : dossierEventsFor(viewer);
    }

    /**
     * Whether the viewer reads a case's timing (what is due, what is overdue, what was late) in its
     * dossier, and so also in the case list.
     */
    public boolean seesTiming(Actor viewer) {
        Set<Class<? extends IncidentEvent>> shown = dossierEventsFor(viewer);
        return shown.contains(DeadlineSet.class) && shown.contains(StepOverdue.class);
    }

    /** Whether the viewer reviews this case's full history: the board, unless involved in it. */
    public boolean mayReviewHistory(Actor viewer, CaseProgress progress) {
        return viewer.role() == ActorRole.BOARD && !aPersonInvolvedReadsOnlyWhatTheyReported(viewer, progress);
    }

    /** The schools whose dossier entries a manager may read; the board reads all, staff only their own dossier. */
    public Set<String> schoolsOf(Actor viewer) {
        return directory.schoolsOf(viewer.id());
    }
}
