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
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.kernel.incident.StepOverdue;
import org.springframework.stereotype.Component;

/**
 * Who may read which case. Cases hold personal data of pupils and staff, so each role sees only
 * what its part in the protocol needs: the board everything; a manager the cases of their own
 * schools and those they hold; the communications department the cases it was informed of; a staff
 * member the cases they reported. Only the board reviews a case's full history, and only the
 * case's handlers (its manager, the board) read the measures, correspondence and inspector
 * reports about the people involved, and the case's timing.
 */
@Component
public class CaseAccess {

    private final OrganisationDirectory directory;

    CaseAccess(OrganisationDirectory directory) {
        this.directory = directory;
    }

    /** A SQL condition over {@code incident_summary}, with its positional parameters. */
    public record Filter(String where, List<Object> parameters) {
    }

    public Filter listFilter(Actor viewer) {
        String id = viewer.id().value();
        return switch (viewer.role()) {
            case BOARD, SYSTEM -> new Filter("1 = 1", List.of());
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
    }

    private static final Set<Class<? extends IncidentEvent>> EVERYTHING = Stream.of(
                    IncidentEvent.class.getPermittedSubclasses())
            .map(type -> type.asSubclass(IncidentEvent.class))
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<Class<? extends IncidentEvent>> COURSE_OF_THE_CASE = Set.of(
            DerailingDiscussionReported.class, IncidentEscalated.class, EscalationAcknowledged.class,
            ResponseStrategyAgreed.class, IncidentClosed.class);

    /**
     * Which of a case's events the viewer's dossier shows. A reporter sees the course of their case;
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
     * Whether the viewer reads a case's timing (what is due, what is overdue, what was late) in its
     * dossier, and so also in the case list.
     */
    public boolean seesTiming(Actor viewer) {
        Set<Class<? extends IncidentEvent>> shown = dossierEventsFor(viewer);
        return shown.contains(DeadlineSet.class) && shown.contains(StepOverdue.class);
    }

    public boolean mayReviewHistory(Actor viewer) {
        return viewer.role() == ActorRole.BOARD;
    }

    /** The schools whose dossier entries a manager may read; the board reads all, staff only their own dossier. */
    public Set<String> schoolsOf(Actor viewer) {
        return directory.schoolsOf(viewer.id());
    }
}
