package nl.incidents.kernel.incident;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attach a piece of evidence (bewijsmateriaal) to a case: a screenshot, a file or a saved page, as the service received
 * it. The bytes themselves do not travel in the command: the command service stores them, encrypted with the case's
 * key, in the same transaction as the event; the command carries what the case's history keeps of them.
 *
 * @param evidenceId  the evidence's own random id
 * @param sha256      the SHA-256 of the bytes as received, 64 lower-case hexadecimal digits
 * @param receivedAt  when the service received the bytes (its clock, at receipt)
 * @param sizeBytes   the number of bytes received, at least 1
 * @param mediaType   the media type accepted for it, such as {@code image/png}
 * @param fileName    the file's name as the sender gave it
 * @param description what it shows, in the sender's words, or null
 */
public record AttachEvidence(@TargetAggregateIdentifier IncidentId incidentId, UUID evidenceId, String sha256,
                             Instant receivedAt, long sizeBytes, String mediaType, String fileName,
                             String description) {
}
