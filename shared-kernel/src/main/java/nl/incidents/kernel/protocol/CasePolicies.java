package nl.incidents.kernel.protocol;

import java.util.List;
import java.util.Optional;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.PersonId;

/**
 * Who may do what on a case: every rule of the protocols in force, in one list. The aggregate
 * checks an attempt against them before it looks at the case's state, so that someone without a
 * right to a case learns nothing of it (not even that it is closed). An action no rule governs is
 * refused: a new action has to be given its rule.
 */
public final class CasePolicies {

    private CasePolicies() {
    }

    /** The rules in force, in the order they are checked (the first that refuses gives the reason). */
    public static List<CasePolicy> allCurrentPolicies() {
        return List.of(CasePolicy.values());
    }

    /** Why the attempt is refused, or empty when every rule allows it. */
    public static Optional<String> refusal(Attempt attempt) {
        return refused(attempt).map(RequestRefused::getMessage);
    }

    /**
     * The refusal (forbidden, 403) of the first rule that refuses the attempt, with the rule's code and
     * the attempted action as parameter {@code action}; or empty when every rule allows it.
     */
    public static Optional<RequestRefused> refused(Attempt attempt) {
        boolean governed = false;
        for (CasePolicy policy : allCurrentPolicies()) {
            if (policy.governs(attempt.action())) {
                governed = true;
                if (!policy.allows(attempt)) {
                    return Optional.of(RequestRefused.forbidden(policy.code(), policy.refusal(attempt.action()))
                            .with("action", attempt.action().name()));
                }
            }
        }
        return governed ? Optional.empty()
                : Optional.of(RequestRefused.forbidden("policy.ungoverned",
                        "Nobody can " + attempt.action().task() + ": no rule of the protocol allows it.")
                        .with("action", attempt.action().name()));
    }

    public static boolean allows(Attempt attempt) {
        return refused(attempt).isEmpty();
    }

    /** Refuses the attempt as forbidden (403) unless every rule allows it. */
    public static void check(Attempt attempt) {
        refused(attempt).ifPresent(refusal -> {
            throw refusal;
        });
    }

    /**
     * Whether this person may have the case escalated to them and handle it: nobody involved in
     * the discussion does ({@link CasePolicy#A_PERSON_INVOLVED_DOES_NOT_HANDLE_THE_CASE}).
     */
    public static boolean mayHold(PersonId person, CaseProgress progress) {
        return !progress.involves(person);
    }

    /**
     * Whether this actor handles the case: the board or the case's manager, not involved in it, and, for a
     * need-to-know case, one who may know of it ({@link NeedToKnow#mayKnow}). The query side shows the whole dossier
     * to them only.
     */
    public static boolean handles(Actor actor, CaseProgress progress) {
        return isTheBoardOrTheCasesManager(actor, progress) && mayHold(actor.id(), progress)
                && NeedToKnow.mayKnow(actor, progress);
    }

    static boolean isTheBoardOrTheCasesManager(Actor actor, CaseProgress progress) {
        return actor.role() == ActorRole.BOARD
                || (actor.role() == ActorRole.MANAGER && actor.id().equals(progress.manager()));
    }
}
