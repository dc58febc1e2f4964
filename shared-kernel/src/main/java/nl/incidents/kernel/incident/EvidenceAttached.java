package nl.incidents.kernel.incident;

import java.time.Instant;
import java.util.UUID;
import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * A piece of evidence (bewijsmateriaal) was attached to the case. The bytes are kept beside the history, encrypted with
 * the case's key and never altered; the event keeps their SHA-256 (64 lower-case hexadecimal digits), size in bytes,
 * media type and the moment the service received them, so a copy handed to the police can be checked against the case.
 */
@Revision("1")
public record EvidenceAttached(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @NotPersonalData("the evidence's own random id") UUID evidenceId,
        @NotPersonalData("a digest says nothing of anyone without the file, which is erased with the case") String sha256,
        @NotPersonalData("a time of the protocol") Instant receivedAt,
        @NotPersonalData("a number of bytes") long sizeBytes,
        @NotPersonalData("one of the accepted media types") String mediaType,
        @PersonalData String fileName,
        @PersonalData String description) implements IncidentEvent {
}
