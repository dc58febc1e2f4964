package nl.incidents.kernel.escalation;

import java.util.Collection;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;

/**
 * The legal duty of art. 4a of the Wet op het onderwijstoezicht: when a staff member may have
 * committed a sexual offence against a pupil, the board must consult the national confidential
 * inspector at once and, on a reasonable suspicion, report to the police.
 */
public final class LegalDuty {

    private LegalDuty() {
    }

    public static boolean applies(Collection<Harm> harms, Collection<InvolvedParty> parties) {
        boolean sexualOffence = harms.contains(Harm.SEXUAL_IMAGES_OF_MINORS);
        boolean staffAuthor = parties.stream().anyMatch(p -> p.role() == PartyRole.STAFF && p.part() == Part.AUTHOR);
        boolean pupilTarget = parties.stream().anyMatch(p -> p.role() == PartyRole.PUPIL && p.part() == Part.TARGET);
        return sexualOffence && staffAuthor && pupilTarget;
    }
}
