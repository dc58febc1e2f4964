package nl.incidents.query.persondossier;

import java.time.Instant;
import java.util.Objects;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.query.AsOfMoment;

/**
 * A person's dossier as it stood at a moment (zoals het er toen voor stond), for the board, as asked for: the
 * entries recorded up to and including the moment {@code at}, and those added since; {@code personId} and
 * {@code kind} as for the live dossier. The input is read only once the viewer may look.
 */
public record FindPersonDossierAsOf(String personId, PersonDossier.Kind kind, Actor viewer, String at) {

    public FindPersonDossierAsOf {
        Objects.requireNonNull(viewer, "viewer");
    }

    /**
     * The moment: every entry recorded up to and including it counts.
     *
     * @throws nl.incidents.kernel.RequestRefused invalid, naming {@code at}, for text that is no moment
     */
    Instant moment() {
        return AsOfMoment.parse(at);
    }
}
