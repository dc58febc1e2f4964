package nl.incidents.kernel.incident;

import java.util.Objects;
import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;

/** A person involved in the discussion, with who they are to the school and the part they play. */
public record InvolvedParty(
        @PersonalData(person = "personId") PersonId personId,
        @NotPersonalData("says nothing of anyone once the person reference is erased") PartyRole role,
        @NotPersonalData("says nothing of anyone once the person reference is erased") Part part) {

    public InvolvedParty {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(part, "part");
    }
}
