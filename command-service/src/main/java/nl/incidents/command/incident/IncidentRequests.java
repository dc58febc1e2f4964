package nl.incidents.command.incident;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
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
import nl.incidents.kernel.protocol.NeedToKnow;
import nl.incidents.support.web.PastTime;
import nl.incidents.support.web.PlainText;
import org.hibernate.validator.constraints.UniqueElements;

/**
 * The bodies of the command API, checked before any command is sent. Every text and list has a
 * maximum size (the README's API section lists them; a list of enum values names each value at most
 * once); texts are {@link PlainText}. The first fault found is the one answered.
 */
final class IncidentRequests {

    /** The longest free text (a summary, a reason, an outcome), in characters. */
    static final int TEXT = 4000;
    /** The longest reference (a police or inspector reference), in characters. */
    static final int REFERENCE = 200;
    /** The longest link to the discussion, in characters. */
    static final int LINK = 2000;
    /** The longest school id, in characters. */
    static final int SCHOOL_ID = 100;
    /** The most parties one report names. */
    static final int PARTIES = 100;

    private static final String GIVEN = "must be given";
    private static final String TEXT_SIZE = "must be at most " + TEXT + " characters";
    private static final String REFERENCE_SIZE = "must be at most " + REFERENCE + " characters";
    private static final String PERSON_ID = "must be a person id: 1 to 100 letters, digits and . _ @ -, starting with a letter or digit";
    private static final String ONCE = "must name each value once";

    private IncidentRequests() {
    }

    record Report(
            @Schema(description = "Optional: the id the client chose, so that sending the same report again creates one incident")
            UUID incidentId,
            @NotBlank(message = GIVEN) @Size(max = SCHOOL_ID, message = "must be at most " + SCHOOL_ID + " characters")
            @PlainText(multiline = false) String schoolId,
            @NotNull(message = GIVEN) Platform platform,
            @NotBlank(message = GIVEN) @Size(max = LINK, message = "must be at most " + LINK + " characters")
            @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link") @PlainText(multiline = false)
            String location,
            @NotBlank(message = GIVEN) @Size(max = TEXT, message = TEXT_SIZE) @PlainText String summary,
            @NotNull(message = GIVEN) Stage stage,
            @NotEmpty(message = "must name at least one harm") @UniqueElements(message = ONCE) List<@NotNull(message = GIVEN) Harm> harms,
            @NotNull(message = GIVEN) Severity severity,
            @NotNull(message = GIVEN) @Size(max = PARTIES, message = "must name at most " + PARTIES + " parties")
            List<@NotNull(message = GIVEN) @Valid Party> involvedParties,
            @Schema(description = "When the discussion was seen: from " + PastTime.EARLIEST + " up to now (five minutes' allowance for a clock that runs ahead)")
            @NotNull(message = GIVEN) @PastTime Instant observedAt) {
    }

    record Party(@NotNull(message = GIVEN) @Pattern(regexp = PersonId.FORMAT, message = PERSON_ID) String personId,
                 @NotNull(message = GIVEN) PartyRole role,
                 @NotNull(message = GIVEN) Part part) {
    }

    record Escalation(@NotBlank(message = GIVEN) @Size(max = TEXT, message = TEXT_SIZE) @PlainText String reason) {
    }

    record Acknowledgement(@Size(max = TEXT, message = TEXT_SIZE) @PlainText String note) {
    }

    record Strategy(@NotEmpty(message = "must name at least one element") @UniqueElements(message = ONCE) List<@NotNull(message = GIVEN) ResponseStrategy> elements,
                    @NotBlank(message = GIVEN) @Size(max = TEXT, message = TEXT_SIZE) @PlainText String description) {
    }

    record CommunicationsNotification(@NotBlank(message = GIVEN) @Size(max = TEXT, message = TEXT_SIZE) @PlainText String message) {
    }

    record PoliceReport(@NotBlank(message = GIVEN) @Size(max = TEXT, message = TEXT_SIZE) @PlainText String offence,
                        @Size(max = REFERENCE, message = REFERENCE_SIZE) @PlainText(multiline = false) String policeReference) {
    }

    record Reason(@NotBlank(message = GIVEN) @Size(max = TEXT, message = TEXT_SIZE) @PlainText String reason) {
    }

    /** A reason for marking a case need-to-know or lifting the mark: shorter than other texts, it is about the case. */
    record NeedToKnowReason(@NotBlank(message = GIVEN)
                            @Size(max = NeedToKnow.REASON, message = "must be at most " + NeedToKnow.REASON + " characters")
                            @PlainText String reason) {
    }

    record Reader(@NotNull(message = GIVEN) @Pattern(regexp = PersonId.FORMAT, message = PERSON_ID) String personId) {
    }

    record InspectorReport(
            @NotNull(message = GIVEN) @Pattern(regexp = PersonId.FORMAT, message = PERSON_ID) String personId,
            @NotBlank(message = GIVEN) @Size(max = TEXT, message = TEXT_SIZE) @PlainText String summary,
            @Size(max = REFERENCE, message = REFERENCE_SIZE) @PlainText(multiline = false) String inspectorReference) {
    }

    record MeasureRequest(@NotNull(message = GIVEN) @Pattern(regexp = PersonId.FORMAT, message = PERSON_ID) String personId,
                          @NotNull(message = GIVEN) Measure measure,
                          @NotBlank(message = GIVEN) @Size(max = TEXT, message = TEXT_SIZE) @PlainText String reason) {
    }

    record Correspondence(@NotNull(message = GIVEN) @Pattern(regexp = PersonId.FORMAT, message = PERSON_ID) String personId,
                          @NotBlank(message = GIVEN) @Size(max = TEXT, message = TEXT_SIZE) @PlainText String summary) {
    }

    record Closure(@NotBlank(message = GIVEN) @Size(max = TEXT, message = TEXT_SIZE) @PlainText String outcome) {
    }

    /** What every accepted command answers. */
    record Accepted(String incidentId) {
    }
}
