package nl.incidents.kernel.protocol;

import java.util.Objects;
import java.util.Set;
import nl.incidents.kernel.incident.Actor;

/**
 * Someone attempting an action on a case, with what the rules of {@link CasePolicies} need to know.
 *
 * @param action        what is attempted
 * @param actor         who attempts it
 * @param actorSchools  the schools the actor works at or manages (from the directory); only the
 *                      report's rule reads them
 * @param progress      where the case stands; for a report, the case as the report would make it
 */
public record Attempt(CaseAction action, Actor actor, Set<String> actorSchools, CaseProgress progress) {

    public Attempt {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(progress, "progress");
        actorSchools = actorSchools == null ? Set.of() : Set.copyOf(actorSchools);
    }

    /** An attempt on an existing case, by someone whose schools do not matter to it. */
    public static Attempt of(CaseAction action, Actor actor, CaseProgress progress) {
        return new Attempt(action, actor, Set.of(), progress);
    }
}
