package nl.incidents.query.incidentdossier;

/**
 * A piece of a case's evidence (bewijsmateriaal) as the dossier lists it, with its bytes exactly as they were received
 * (their SHA-256 is {@code entry.sha256()}, checked as they are read).
 */
public record EvidenceFile(IncidentDossier.EvidenceEntry entry, byte[] content) {
}
