package nl.incidents.web.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;

/**
 * The report form (meldingsformulier) as the browser sends it, checked with the command service's own bounds
 * before it is sent: school (an id of the person's schools), platform, link (an http(s) link of at most
 * {@value #LINK} characters), what happens (at most {@value #TEXT} characters), stage, at least one harm, severity,
 * the people involved (rows; an empty row is left out) and when it was seen ({@code observedAt}, a datetime-local
 * value {@code yyyy-MM-ddTHH:mm} in Dutch time). {@code incidentId} is chosen when the form is first shown, so
 * sending the same form twice makes one case. Messages are keys of {@code messages/report_*.properties}.
 */
public class ReportForm {

    /** The longest link, in characters (as the command service). */
    public static final int LINK = 2000;
    /** The longest text, in characters (as the command service). */
    public static final int TEXT = 4000;
    /** The rows shown at first, and the most a form may have. */
    public static final int FIRST_ROWS = 2;
    public static final int MAX_ROWS = 20;

    @NotNull(message = "{report.error.form}")
    private UUID incidentId;

    @NotBlank(message = "{report.school.required}")
    @Size(max = 100, message = "{report.school.required}")
    private String schoolId;

    @NotNull(message = "{report.platform.required}")
    private Platform platform;

    @NotBlank(message = "{report.location.required}")
    @Size(max = LINK, message = "{report.location.size}")
    @Pattern(regexp = "https?://\\S+", message = "{report.location.pattern}")
    private String location;

    @NotBlank(message = "{report.summary.required}")
    @Size(max = TEXT, message = "{report.summary.size}")
    private String summary;

    @NotNull(message = "{report.stage.required}")
    private Stage stage;

    @NotEmpty(message = "{report.harms.required}")
    private List<Harm> harms = new ArrayList<>();

    @NotNull(message = "{report.severity.required}")
    private Severity severity;

    private List<PartyRow> parties = new ArrayList<>();

    @NotBlank(message = "{report.observedAt.required}")
    private String observedAt;

    /** One person involved: the board's reference (never a name), who they are to the school, their part. */
    public static class PartyRow {
        private String personId;
        private PartyRole role;
        private Part part;

        public String getPersonId() {
            return personId;
        }

        public void setPersonId(String personId) {
            this.personId = personId == null ? null : personId.strip();
        }

        public PartyRole getRole() {
            return role;
        }

        public void setRole(PartyRole role) {
            this.role = role;
        }

        public Part getPart() {
            return part;
        }

        public void setPart(Part part) {
            this.part = part;
        }

        /** Whether nothing was filled in: such a row is left out. */
        public boolean isEmpty() {
            return (personId == null || personId.isBlank()) && role == null && part == null;
        }
    }

    /** Adds empty rows until there are {@code rows} (at most {@link #MAX_ROWS}). */
    public void padRows(int rows) {
        while (parties.size() < Math.min(rows, MAX_ROWS)) {
            parties.add(new PartyRow());
        }
    }

    public UUID getIncidentId() {
        return incidentId;
    }

    public void setIncidentId(UUID incidentId) {
        this.incidentId = incidentId;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public void setSchoolId(String schoolId) {
        this.schoolId = schoolId;
    }

    public Platform getPlatform() {
        return platform;
    }

    public void setPlatform(Platform platform) {
        this.platform = platform;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location == null ? null : location.strip();
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public Stage getStage() {
        return stage;
    }

    public void setStage(Stage stage) {
        this.stage = stage;
    }

    public List<Harm> getHarms() {
        return harms;
    }

    public void setHarms(List<Harm> harms) {
        this.harms = harms == null ? new ArrayList<>() : new ArrayList<>(harms);
    }

    public Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Severity severity) {
        this.severity = severity;
    }

    public List<PartyRow> getParties() {
        return parties;
    }

    public void setParties(List<PartyRow> parties) {
        this.parties = parties == null ? new ArrayList<>() : new ArrayList<>(parties);
    }

    public String getObservedAt() {
        return observedAt;
    }

    public void setObservedAt(String observedAt) {
        this.observedAt = observedAt;
    }
}
