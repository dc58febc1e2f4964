package nl.incidents.kernel.incident;

import java.util.Objects;
import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;

/**
 * Who holds a case and must acknowledge it: a named manager, or the board as a whole (then
 * {@code personId} is null and any board member may act).
 */
public record Assignee(
        @NotPersonalData("the protocol's own words") EscalationLevel level,
        @PersonalData(person = "personId") PersonId personId) {

    public Assignee {
        Objects.requireNonNull(level, "level");
        if (level == EscalationLevel.MANAGER) {
            Objects.requireNonNull(personId, "a manager assignee names the manager");
        }
    }

    public static Assignee manager(PersonId manager) {
        return new Assignee(EscalationLevel.MANAGER, manager);
    }

    public static Assignee board() {
        return new Assignee(EscalationLevel.BOARD, null);
    }

    /**
     * Who holds the case, in words: "the board" or "manager {id}". It names a person, so it is for
     * the case's history and dossier, never for a refusal to someone who may not act on the case.
     */
    public String describe() {
        return level == EscalationLevel.BOARD ? "the board" : "manager " + personId;
    }

    /** Whether this actor is the one who must acknowledge. */
    public boolean isHeldBy(Actor actor) {
        return switch (level) {
            case MANAGER -> actor.role() == ActorRole.MANAGER && personId.equals(actor.id());
            case BOARD -> actor.role() == ActorRole.BOARD;
        };
    }
}
