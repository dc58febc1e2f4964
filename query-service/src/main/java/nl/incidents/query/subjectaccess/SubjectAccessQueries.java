package nl.incidents.query.subjectaccess;

import static nl.incidents.query.Projections.instant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.directory.School;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.privacy.PersonalData;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.time.TimePrecision;
import nl.incidents.query.history.HistoryRepository;
import nl.incidents.query.history.StoredEvent;
import nl.incidents.query.subjectaccess.SubjectAccessExport.CaseStep;
import nl.incidents.query.subjectaccess.SubjectAccessExport.Channel;
import nl.incidents.query.subjectaccess.SubjectAccessExport.ConcernedCase;
import nl.incidents.query.subjectaccess.SubjectAccessExport.DossierEntry;
import nl.incidents.query.subjectaccess.SubjectAccessExport.EntryType;
import nl.incidents.query.subjectaccess.SubjectAccessExport.Read;
import nl.incidents.query.subjectaccess.SubjectAccessExport.ReadKind;
import nl.incidents.query.subjectaccess.SubjectAccessExport.StepType;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the board's export of what is recorded about one person ({@link SubjectAccessExport}, the AVG's right of
 * access, art. 15). Only the board makes it: it is the controller that answers such a request, and the export
 * gathers every case that concerns the person, which no other role reads in full. The role is checked before anything
 * is read. A board member does not read a case that involves themselves
 * ({@code CaseAccess.aPersonInvolvedReadsOnlyWhatTheyReported}), so their export of someone else leaves such cases
 * out, with the dossier entries from them and the reads of them, as the person dossier and the access log do: another
 * board member makes the complete one. A person with nothing recorded gets an export that says so, not a refusal: that
 * too is the answer the AVG asks for.
 *
 * <p>The dossier entries come from the person dossier's table ({@code dossier_entry}), their texts and who recorded
 * them from the case's history (decrypted; {@value PersonalData#ERASED} where a key was deleted), so an erasure shows
 * at once. The cases come
 * from the involved parties ({@code incident_party}) and the dossier entries, their facts and steps from the history.
 * The reads come from the access log ({@code access_log}), which this only reads.
 */
@Component
class SubjectAccessQueries {

    /** The cases that concern a person (parameters: the person twice), less those involving a reader (the reader). */
    private static final String CONCERNING_CASES = """
            SELECT c.incident_id FROM (
                SELECT incident_id FROM incident_party WHERE person_id = ?
                UNION SELECT incident_id FROM dossier_entry WHERE person_id = ?) c
            WHERE NOT EXISTS (SELECT 1 FROM incident_party v WHERE v.incident_id = c.incident_id AND v.person_id = ?)""";

    private final JdbcClient jdbc;
    private final HistoryRepository history;
    private final OrganisationDirectory directory;
    private final Clock clock;

    @Autowired
    SubjectAccessQueries(JdbcClient jdbc, HistoryRepository history, OrganisationDirectory directory) {
        this(jdbc, history, directory, Clock.systemUTC());
    }

    SubjectAccessQueries(JdbcClient jdbc, HistoryRepository history, OrganisationDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.directory = directory;
        this.clock = clock;
    }

    @QueryHandler
    SubjectAccessExport handle(FindSubjectAccessExport query) {
        Actor viewer = query.viewer();
        if (viewer.role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden("subject-access.board-only",
                    "Only the board exports what is recorded about a person.");
        }
        Instant now = TimePrecision.kept(clock.instant());
        PersonId person = query.personId();
        // '' is no person id: with it no case is left out (one's own export holds the cases that involve oneself).
        String leaveOut = viewer.id().equals(person) ? "" : viewer.id().value();

        List<DossierRow> rows = dossierRows(person, leaveOut);
        Map<String, PartyRole> roleInCase = new HashMap<>();
        Set<String> dossierEvents = new HashSet<>();
        rows.forEach(row -> {
            roleInCase.putIfAbsent(row.incidentId().toString(), row.partyRole());
            dossierEvents.add(row.eventId());
        });
        List<ConcernedCase> cases = new ArrayList<>();
        Map<String, StoredEvent.Read> dossierEventsRead = new HashMap<>();
        for (String incident : jdbc.sql(CONCERNING_CASES).params(person.value(), person.value(), leaveOut)
                .query(String.class).list()) {
            List<StoredEvent.Read> events = history.of(IncidentId.of(incident)).stream().map(StoredEvent::withEvent).toList();
            if (!events.isEmpty()) {
                cases.add(concernedCase(person, events, roleInCase.get(incident), dossierEvents));
                events.stream().filter(e -> dossierEvents.contains(e.stored().eventId()))
                        .forEach(e -> dossierEventsRead.put(e.stored().eventId(), e));
            }
        }
        cases.sort(Comparator.comparing(ConcernedCase::reportedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(c -> c.incidentId().toString()));
        List<DossierEntry> dossier = rows.stream().map(row -> entry(row, dossierEventsRead.get(row.eventId()))).toList();
        return new SubjectAccessExport(person, now, viewer, dossier, cases, reads(person, leaveOut));
    }

    /** One row of {@code dossier_entry}; {@code recordedBy} is the column as stored (an id, or encrypted). */
    private record DossierRow(String eventId, IncidentId incidentId, String schoolId, EntryType type, PartyRole partyRole,
                              Measure measure, String text, Instant recordedAt, String recordedBy, String recordedByRole) {
    }

    /**
     * A dossier entry with its text and who recorded it as the case's history reads them now (decrypted, or
     * {@value PersonalData#ERASED}); from the row alone where the history does not hold its event.
     */
    private DossierEntry entry(DossierRow row, StoredEvent.Read event) {
        String text = row.text();
        Actor recordedBy = row.recordedBy() != null && PersonId.isValid(row.recordedBy()) && row.recordedByRole() != null
                ? new Actor(new PersonId(row.recordedBy()), ActorRole.valueOf(row.recordedByRole())) : null;
        if (event != null) {
            recordedBy = event.stored().actor();
            if (event.event() instanceof MeasureImposed e) {
                text = e.reason();
            } else if (event.event() instanceof CorrespondenceRecorded e) {
                text = e.summary();
            }
        }
        return new DossierEntry(row.incidentId(), row.schoolId(), schoolName(row.schoolId()), row.type(), row.partyRole(),
                row.measure(), text, row.recordedAt(), recordedBy);
    }

    private List<DossierRow> dossierRows(PersonId person, String leaveOut) {
        // As the person dossier orders them: events of one case stored in the same millisecond by their sequence.
        return jdbc.sql("""
                        SELECT d.* FROM dossier_entry d LEFT JOIN incident_history h ON h.event_id = d.event_id
                        WHERE d.person_id = ? AND NOT EXISTS (
                            SELECT 1 FROM incident_party p WHERE p.incident_id = d.incident_id AND p.person_id = ?)
                        ORDER BY d.recorded_at, d.incident_id, h.sequence_number, d.event_id""")
                .params(person.value(), leaveOut)
                .query((rs, n) -> new DossierRow(
                        rs.getString("event_id"),
                        IncidentId.of(rs.getString("incident_id")),
                        rs.getString("school_id"),
                        EntryType.valueOf(rs.getString("entry_type")),
                        PartyRole.valueOf(rs.getString("party_role")),
                        rs.getString("measure") == null ? null : Measure.valueOf(rs.getString("measure")),
                        rs.getString("text"),
                        instant(rs, "recorded_at"),
                        rs.getString("recorded_by"),
                        rs.getString("recorded_by_role")))
                .list();
    }

    /**
     * A case as it concerns the person: its facts that name nobody, their role and part, and the steps about them.
     */
    private ConcernedCase concernedCase(PersonId person, List<StoredEvent.Read> events, PartyRole roleFromDossier,
                                        Set<String> dossierEvents) {
        IncidentId id = events.get(0).event().incidentId();
        CaseProgress progress = CaseProgress.of(id, events.stream().map(StoredEvent.Read::event).toList());
        DerailingDiscussionReported report = progress.report();
        Instant reportedAt = null;
        Instant closedAt = null;
        List<CaseStep> steps = new ArrayList<>();
        for (StoredEvent.Read read : events) {
            IncidentEvent event = read.event();
            StoredEvent stored = read.stored();
            boolean inTheirDossier = dossierEvents.contains(stored.eventId());
            if (event instanceof DerailingDiscussionReported) {
                reportedAt = stored.occurredAt();
            } else if (event instanceof IncidentClosed) {
                closedAt = stored.occurredAt();
            } else if (event instanceof MeasureImposed e && (inTheirDossier || person.equals(e.personId()))) {
                steps.add(new CaseStep(StepType.MEASURE_IMPOSED, stored.occurredAt(), stored.actor(), e.measure(), e.reason()));
            } else if (event instanceof CorrespondenceRecorded e && (inTheirDossier || person.equals(e.personId()))) {
                steps.add(new CaseStep(StepType.CORRESPONDENCE_RECORDED, stored.occurredAt(), stored.actor(), null,
                        e.summary()));
            } else if (event instanceof ReportedToConfidentialInspector e && person.equals(e.staffMember())) {
                steps.add(new CaseStep(StepType.REPORTED_TO_CONFIDENTIAL_INSPECTOR, stored.occurredAt(), stored.actor(),
                        null, e.summary()));
            }
        }
        InvolvedParty party = report == null ? null : report.involvedParties().stream()
                .filter(p -> p.personId().equals(person)).findFirst().orElse(null);
        // Not found among the parties: their reference in the case was erased (every measure or correspondence is
        // about a party). The dossier's copy may still say who they were to the school; their part is gone.
        String role = party != null ? party.role().name() : roleFromDossier != null ? roleFromDossier.name() : PersonalData.ERASED;
        String part = party != null ? party.part().name() : PersonalData.ERASED;
        String school = report == null ? null : report.schoolId();
        return new ConcernedCase(id, school, schoolName(school), reportedAt, progress.status(), closedAt,
                report == null ? null : report.platform(), report == null ? null : report.severity(), role, part, steps);
    }

    private List<Read> reads(PersonId person, String leaveOut) {
        return jdbc.sql("SELECT a.* FROM access_log a WHERE a.person_id = ? OR a.incident_id IN (" + CONCERNING_CASES
                        + ") ORDER BY a.entry_id DESC")
                .params(person.value(), person.value(), person.value(), leaveOut)
                .query((rs, n) -> new Read(
                        instant(rs, "read_at"),
                        new Actor(new PersonId(rs.getString("reader_id")), ActorRole.valueOf(rs.getString("reader_role"))),
                        ReadKind.valueOf(rs.getString("kind")),
                        rs.getString("incident_id") == null ? null : IncidentId.of(rs.getString("incident_id")),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getBoolean("refused")))
                .list();
    }

    private String schoolName(String schoolId) {
        return schoolId == null ? null : directory.school(schoolId).map(School::name).orElse(null);
    }
}
