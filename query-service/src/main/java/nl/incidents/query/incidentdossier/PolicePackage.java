package nl.incidents.query.incidentdossier;

import java.time.Instant;
import java.util.List;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;

/**
 * What goes to the police with a criminal complaint (aangifte) about a case: every piece of its evidence with its bytes,
 * and the case's timeline, as one who handles the case reads it. {@link PolicePackageZip} writes it as one ZIP with a
 * manifest of hashes and times.
 *
 * @param createdAt when the package was made (the query service's clock, to the millisecond)
 * @param createdBy who asked for it
 * @param timeline  the case's timeline, in order
 * @param files     the evidence, in the order it was received
 */
public record PolicePackage(IncidentId incidentId, Instant createdAt, Actor createdBy,
                            List<IncidentDossier.TimelineEntry> timeline, List<EvidenceFile> files) {

    /** The download's name: the case's id and the moment it was made, never a person. */
    public String fileName() {
        return "politiepakket-" + incidentId + "-" + AmsterdamStamp.of(createdAt) + ".zip";
    }

    /** A time for a file name: {@code 20261130-1015}, Dutch time. */
    static final class AmsterdamStamp {

        private static final java.time.format.DateTimeFormatter FORMAT =
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

        private AmsterdamStamp() {
        }

        static String of(Instant instant) {
            return FORMAT.format(nl.incidents.query.AmsterdamTime.of(instant));
        }
    }
}
