package nl.incidents.kernel.incident;

import java.util.Objects;

/**
 * Who holds a case and must acknowledge it: a named manager, or the board as a whole (then
 * {@code personId} is null and any board member may act).
 */
public record Assignee(EscalationLevel level, PersonId personId) {

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

    /** Whether this actor is the one who must acknowledge. */
    public boolean isHeldBy(Actor actor) {
        return switch (level) {
            case MANAGER -> actor.role() == ActorRole.MANAGER && personId.equals(actor.id());
            case BOARD -> actor.role() == ActorRole.BOARD;
        };
    }
}
