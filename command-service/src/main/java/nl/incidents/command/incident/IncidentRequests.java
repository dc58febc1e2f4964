package nl.incidents.command.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;

/** The bodies of the command API, checked before any command is sent. */
final class IncidentRequests {

    private static final int TEXT = 4000;
    private static final String PERSON_ID = "must be a person id: up to 100 letters, digits and . _ @ -";

    private IncidentRequests() {
    }

    record Report(
            UUID incidentId,
            @NotBlank String schoolId,
            @NotNull Platform platform,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link") String location,
            @NotBlank @Size(max = TEXT) String summary,
            @NotNull Stage stage,
            @NotEmpty Set<@NotNull Harm> harms,
            @NotNull Severity severity,
            @NotNull List<@NotNull @Valid Party> involvedParties,
            @NotNull @PastOrPresent Instant observedAt) {
    }

    record Party(@NotNull @Pattern(regexp = PersonId.FORMAT, message = PERSON_ID) String personId,
                 @NotNull PartyRole role, @NotNull Part part) {
    }

    record Escalation(@NotBlank @Size(max = TEXT) String reason) {
    }

    record Acknowledgement(@Size(max = TEXT) String note) {
    }

    record Strategy(@NotEmpty Set<@NotNull ResponseStrategy> elements, @NotBlank @Size(max = TEXT) String description) {
    }

    record CommunicationsNotification(@NotBlank @Size(max = TEXT) String message) {
    }

    record PoliceReport(@NotBlank @Size(max = TEXT) String offence, @Size(max = 200) String policeReference) {
    }

    record Reason(@NotBlank @Size(max = TEXT) String reason) {
    }

    record InspectorReport(
            @NotNull @Pattern(regexp = PersonId.FORMAT, message = PERSON_ID) String personId,
            @NotBlank @Size(max = TEXT) String summary,
            @Size(max = 200) String inspectorReference) {
    }

    record MeasureRequest(@NotNull @Pattern(regexp = PersonId.FORMAT, message = PERSON_ID) String personId,
                          @NotNull Measure measure,
                          @NotBlank @Size(max = TEXT) String reason) {
    }

    record Correspondence(@NotNull @Pattern(regexp = PersonId.FORMAT, message = PERSON_ID) String personId,
                          @NotBlank @Size(max = TEXT) String summary) {
    }

    record Closure(@NotBlank @Size(max = TEXT) String outcome) {
    }

    /** What every accepted command answers. */
    record Accepted(String incidentId) {
    }
}
