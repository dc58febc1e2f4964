package nl.incidents.query.incidentdossier;

import java.util.Arrays;

/**
 * A piece of a case's evidence (bewijsmateriaal) as the dossier lists it, with its bytes exactly as they were received
 * (their SHA-256 is {@code entry.sha256()}, checked as they are read). Equal to another with the same entry and the same
 * bytes.
 */
public record EvidenceFile(IncidentDossier.EvidenceEntry entry, byte[] content) {

    @Override
    public boolean equals(Object other) {
        return other instanceof EvidenceFile file && entry.equals(file.entry) && Arrays.equals(content, file.content);
    }

    @Override
    public int hashCode() {
        return 31 * entry.hashCode() + Arrays.hashCode(content);
    }

    /** The entry and the number of bytes, never the bytes. */
    @Override
    public String toString() {
        return "EvidenceFile[" + entry + ", " + (content == null ? 0 : content.length) + " bytes]";
    }
}
