package nl.incidents.kernel.protocol;

import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.PersonId;

/**
 * Need to know (alleen wie het moet weten): beyond the rule that nobody handles a case they are involved in
 * ({@link CasePolicies#mayHold}), a case under the legal duty of art. 4a WOT, or one the board marked so, is known
 * only to the board and to the people the board added ({@link CaseProgress#needToKnow()}). Everyone else learns
 * nothing of it: it is not in their lists, pages, API answers, inbox or mail, and an action on it is refused as for a
 * case they may not read ({@link #REFUSAL_CODE}). The system acts on it as on any case. A reporter who is neither
 * keeps their own report (the query side shows them that it was taken up and closed), nothing more.
 *
 * <p>Two steps of the protocol follow from it: the case is held only by someone who may know of it
 * ({@link #holderMayNotKnow}), and the communications department is informed of it (SKOW B.3) only once the board
 * added one of its members ({@link #communicationsMayKnow}); until then the board is reminded of that step.
 */
public final class NeedToKnow {

    /** The longest reason for marking or lifting, in characters. */
    public static final int REASON = 500;

    /** The code of a refusal to someone who may not know of the case: the read side's for a case one may not read. */
    public static final String REFUSAL_CODE = "case.not-readable";

    private NeedToKnow() {
    }

    /**
     * Whether this actor may know of the case as their role allows: any case that is not need-to-know; a
     * need-to-know case only for the system, the board and the people it added. Involvement is a rule of its own
     * ({@link CasePolicies#mayHold}).
     */
    public static boolean mayKnow(Actor actor, CaseProgress progress) {
        return !progress.needToKnow() || actor.role() == ActorRole.SYSTEM || actor.role() == ActorRole.BOARD
                || progress.isNeedToKnowReader(actor.id());
    }

    /** Whether a notice of the case may reach this person, who has this role in the directory. */
    public static boolean mayBeTold(PersonId person, ActorRole role, CaseProgress progress) {
        return !progress.needToKnow() || role == ActorRole.BOARD || progress.isNeedToKnowReader(person);
    }

    /**
     * Whether the case's holder is a person who may not know of it (a manager the board did not add, or took off), so
     * that it must go to the board: an open need-to-know case is never left with someone who can neither read nor act
     * on it.
     */
    public static boolean holderMayNotKnow(CaseProgress progress) {
        Assignee holder = progress.assignee();
        return progress.needToKnow() && !progress.closed() && holder != null && holder.personId() != null
                && !holder.personId().erased() && !progress.isNeedToKnowReader(holder.personId());
    }

    /**
     * Whether the communications department can be informed of the case: any case that is not need-to-know; a
     * need-to-know case once the board added a member of the department (by their role in the directory). Otherwise
     * a notice would reach nobody, and the case would say the department was informed when it was not.
     */
    public static boolean communicationsMayKnow(CaseProgress progress, OrganisationDirectory directory) {
        return !progress.needToKnow() || progress.needToKnowReaders().stream()
                .anyMatch(reader -> directory.member(reader).filter(m -> m.role() == ActorRole.COMMUNICATIONS).isPresent());
    }

    /**
     * Passes a reason for marking or lifting: given, in plain words, at most {@link #REASON} characters.
     *
     * @throws RequestRefused invalid ({@code need-to-know.reason.missing} or {@code need-to-know.reason.too-long},
     *                        field {@code reason}) otherwise
     */
    public static void checkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw RequestRefused.invalid("need-to-know.reason.missing", "reason",
                    "Say why only those who need to know may know of this case.");
        }
        if (reason.length() > REASON) {
            throw RequestRefused.invalid("need-to-know.reason.too-long", "reason",
                    "The reason must be at most " + REASON + " characters.");
        }
    }
}
