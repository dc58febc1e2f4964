package nl.incidents.support.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.incidents.kernel.incident.IncidentId;

/**
 * Where the bytes of a case's evidence (bewijsmateriaal) are kept, encrypted with the case's key, never altered: put
 * once, read as often as allowed, deleted only with the whole case (its erasure). Both services use it: the command
 * service puts and deletes, the query service reads.
 */
public interface EvidenceStore {

    /**
     * What is kept of one piece of evidence beside its bytes.
     *
     * @param sha256     the SHA-256 of the bytes as received, 64 lower-case hexadecimal digits
     * @param receivedAt when the command service received them, to the millisecond
     * @param sizeBytes  how many bytes
     * @param mediaType  the accepted media type, such as {@code image/png}
     */
    record Stored(UUID evidenceId, IncidentId incidentId, String sha256, Instant receivedAt, long sizeBytes,
                  String mediaType) {
    }

    /** A piece of evidence with its bytes, decrypted. */
    record Evidence(Stored stored, byte[] content) {
    }

    /**
     * Keeps the bytes, encrypted with the case's key, in the caller's transaction when there is one.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the evidence id is taken already (nothing is replaced)
     */
    void put(Stored evidence, byte[] content);

    /**
     * The evidence with its bytes as received, or empty when the case has no such evidence (never had, or was erased).
     *
     * @throws IllegalStateException when the row is there but its key is gone or the bytes do not open with it (then
     *                               nothing about them is returned)
     */
    Optional<Evidence> read(IncidentId incidentId, UUID evidenceId);

    /** The case's evidence without its bytes, in the order it was received. */
    List<Stored> listOf(IncidentId incidentId);

    /**
     * Deletes the bytes of all the case's evidence: its erasure. The only deletion there is.
     *
     * @return how many pieces were deleted
     */
    int deleteCase(IncidentId incidentId);
}
