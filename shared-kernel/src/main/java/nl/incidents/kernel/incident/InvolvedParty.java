package nl.incidents.kernel.incident;

import java.util.Objects;

/** A person involved in the discussion, with who they are to the school and the part they play. */
public record InvolvedParty(PersonId personId, PartyRole role, Part part) {

    public InvolvedParty {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(part, "part");
    }
}
