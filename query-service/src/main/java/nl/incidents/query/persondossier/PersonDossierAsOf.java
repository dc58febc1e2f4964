package nl.incidents.query.persondossier;

import java.time.Instant;
import java.util.List;

/**
 * A person's dossier as it stood at a moment, and what was added since. An entry (a measure, a piece of
 * correspondence) is recorded once and never changed or withdrawn, so the dossier then is the entries recorded up to
 * then; an entry about a person erased since stays erased.
 *
 * @param asOf    the moment asked about
 * @param dossier the dossier as the board read it then: its entries recorded up to and including the moment, in order
 * @param since   the entries recorded after the moment, in order
 */
public record PersonDossierAsOf(Instant asOf, PersonDossier dossier, List<PersonDossier.Entry> since) {

    public PersonDossierAsOf {
        since = List.copyOf(since);
    }
}
