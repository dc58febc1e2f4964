package nl.incidents.query.subjectaccess;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.privacy.PersonalData;
import nl.incidents.query.AmsterdamTime;

/**
 * What the system holds about one person, for the board's answer to their request under the AVG's right of access
 * (art. 15, inzageverzoek): as JSON ({@code GET /api/people/{personId}/export}) and as a readable PDF
 * ({@code /export.pdf}, {@link SubjectAccessPdf}), the same answer in both.
 *
 * <p><b>What it holds.</b> The person's dossier entries (the measures and correspondence about them, in every kind of
 * dossier kept under their id); every case that concerns them, that is every case in which they are an involved party
 * or the subject of a measure or correspondence, with the facts of the case that name nobody (school, when reported,
 * where it stands, platform, severity), their own role and part in it, and the steps about them (measures,
 * correspondence, the report to the confidential inspector about them); and who read about them: every recorded read
 * of their dossier and of a case that concerns them, by whom, when and through what.
 *
 * <p><b>What it leaves out, and why.</b> The right of access "shall not adversely affect the rights and freedoms of
 * others" (art. 15(4)): the export gives the person what is theirs, not what the case holds about anyone else. So
 * it leaves out the case's free texts (the report's summary and location, the reasons of escalations and
 * acknowledgements, the response strategy's description, the police report, the closure's outcome, the legal holds'
 * reasons), which tell what happened between several people, the other people involved, and the readers' network
 * addresses. What it gives of a case is what the classification of the events marks as this person's own
 * ({@code @PersonalData(person = ...)}: a measure's reason, a correspondence's summary, the inspector report's summary
 * about them) and what is no one's personal data ({@code @NotPersonalData}: the protocol's words, times, the school).
 * Who recorded a step and who read is given by id and role: that is the board's own accountability (art. 5(2)), and the
 * board decides, person by person, whether to pass a staff member's identity on (CJEU C-579/21, Pankki S).
 *
 * <p><b>Erased data.</b> Where a key was deleted (crypto-shredding) a text reads {@value PersonalData#ERASED}, as it
 * does everywhere else; so does the person's role or part in a case once their reference in it was erased.
 *
 * @param personId   the person it is about
 * @param exportedAt when it was made (kept in UTC, to the millisecond; shown in Dutch time)
 * @param exportedBy the board member who made it
 * @param dossier    the measures and correspondence about them, oldest first
 * @param cases      the cases that concern them, in the order they were reported
 * @param reads      who read about them, newest first; refused attempts too, marked refused (nothing was shown)
 */
public record SubjectAccessExport(
        PersonId personId, Instant exportedAt, Actor exportedBy, List<DossierEntry> dossier, List<ConcernedCase> cases,
        List<Read> reads) {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(AmsterdamTime.ZONE);

    public SubjectAccessExport {
        dossier = List.copyOf(dossier);
        cases = List.copyOf(cases);
        reads = List.copyOf(reads);
    }

    /**
     * The name a download of this export gets: {@code inzage-20261130-101500.pdf}, when it was made in Dutch time. It
     * does not name the person: a file name shows up in download lists, mail attachments and file shares.
     *
     * @param extension {@code pdf} or {@code json}
     */
    public String fileName(String extension) {
        return "inzage-" + FILE_TIME.format(exportedAt) + "." + extension;
    }

    /** What a dossier entry records. */
    public enum EntryType {
        MEASURE, CORRESPONDENCE
    }

    /**
     * One measure or piece of correspondence about the person, from their personnel, pupil or other dossier.
     *
     * @param schoolName the school's name as the board's directory has it; absent for a school it no longer lists
     * @param partyRole  who the person was to the school in that case
     * @param measure    the measure, for a measure
     * @param text       the measure's reason or the correspondence's summary; {@value PersonalData#ERASED} once erased
     * @param recordedBy who recorded it, in their role; absent when the event named nobody
     */
    public record DossierEntry(
            IncidentId incidentId, String schoolId, String schoolName, EntryType type, PartyRole partyRole,
            Measure measure, String text, Instant recordedAt, Actor recordedBy) {
    }

    /**
     * A case that concerns the person, without what it says of others.
     *
     * @param reportedAt when it was reported (stored)
     * @param status     where it stands now in the protocol
     * @param closedAt   when it was closed; absent while it is open
     * @param partyRole  who the person is to the school in it ({@code PUPIL}, {@code PARENT}, {@code STAFF},
     *                   {@code OUTSIDER}), or {@value PersonalData#ERASED} once their reference in it was erased
     * @param part       the part they play in the discussion ({@code AUTHOR}, {@code TARGET}, {@code BYSTANDER}), or
     *                   {@value PersonalData#ERASED}
     * @param steps      the steps about them, in the order they were taken
     */
    public record ConcernedCase(
            IncidentId incidentId, String schoolId, String schoolName, Instant reportedAt, IncidentStatus status,
            Instant closedAt, Platform platform, Severity severity, String partyRole, String part, List<CaseStep> steps) {

        public ConcernedCase {
            steps = List.copyOf(steps);
        }
    }

    /** Which step about the person was taken. */
    public enum StepType {
        MEASURE_IMPOSED, CORRESPONDENCE_RECORDED, REPORTED_TO_CONFIDENTIAL_INSPECTOR
    }

    /**
     * One step of a case about the person.
     *
     * @param by      who took it, in their role; absent when the event named nobody
     * @param measure the measure, for {@link StepType#MEASURE_IMPOSED}
     * @param text    what was recorded about them (the measure's reason, the correspondence's summary, the summary
     *                reported to the inspector); {@value PersonalData#ERASED} once erased
     */
    public record CaseStep(StepType type, Instant at, Actor by, Measure measure, String text) {
    }

    /**
     * What was read: the person's dossier (or this export of it), a case's dossier, a case's full history, a piece of a
     * case's evidence, or a case's police package.
     */
    public enum ReadKind {
        PERSON_DOSSIER, INCIDENT_DOSSIER, HISTORY, EVIDENCE, POLICE_PACKAGE
    }

    /** Through what a read came: a page of the web module, or the API. */
    public enum Channel {
        PAGE, API
    }

    /**
     * One recorded read about the person, from the access log (inzagelog).
     *
     * @param at         when, to the millisecond
     * @param reader     who, in the role they had then
     * @param incidentId the case read; absent for the person's dossier
     * @param refused    true when it was refused and nothing was shown
     */
    public record Read(Instant at, Actor reader, ReadKind kind, IncidentId incidentId, Channel channel, boolean refused) {
    }
}
