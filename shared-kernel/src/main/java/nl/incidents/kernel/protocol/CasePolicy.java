package nl.incidents.kernel.protocol;

import static nl.incidents.kernel.protocol.CaseAction.ACKNOWLEDGE;
import static nl.incidents.kernel.protocol.CaseAction.AGREE_STRATEGY;
import static nl.incidents.kernel.protocol.CaseAction.CLOSE;
import static nl.incidents.kernel.protocol.CaseAction.DECLINE_POLICE_REPORT;
import static nl.incidents.kernel.protocol.CaseAction.ESCALATE_TO_MANAGER;
import static nl.incidents.kernel.protocol.CaseAction.ESCALATE_TO_NEXT_LEVEL;
import static nl.incidents.kernel.protocol.CaseAction.FILE_WITH_POLICE;
import static nl.incidents.kernel.protocol.CaseAction.IMPOSE_HEAVY_MEASURE;
import static nl.incidents.kernel.protocol.CaseAction.IMPOSE_LIGHT_MEASURE;
import static nl.incidents.kernel.protocol.CaseAction.MARK_STEP_OVERDUE;
import static nl.incidents.kernel.protocol.CaseAction.NOTIFY_COMMUNICATIONS;
import static nl.incidents.kernel.protocol.CaseAction.RECORD_CORRESPONDENCE;
import static nl.incidents.kernel.protocol.CaseAction.REPORT;
import static nl.incidents.kernel.protocol.CaseAction.REPORT_TO_INSPECTOR;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import nl.incidents.kernel.incident.ActorRole;

/**
 * One rule of the protocols about who may do what, named after the sentence it comes from. Each
 * governs some actions; an attempt at one of them must satisfy every rule that governs it. The
 * refusals name nobody: they reach people who may have no right to the case at all.
 */
public enum CasePolicy {

    /** SKOW B.2, Altena B.3: a staff member tells their own manager about a discussion about their school. */
    STAFF_REPORT_ABOUT_THEIR_OWN_SCHOOL(EnumSet.of(REPORT),
            a -> a.actor().role() == ActorRole.BOARD || a.actor().role() == ActorRole.COMMUNICATIONS
                    || ((a.actor().role() == ActorRole.STAFF || a.actor().role() == ActorRole.MANAGER)
                            && a.actorSchools().contains(a.progress().schoolId())),
            "You can report discussions about your own school only."),

    /** SKOW B.2, Altena B.3, OOG: the manager hears of a report at once; the board may send a case back down. */
    ONLY_THE_SYSTEM_OR_THE_BOARD_ESCALATES_TO_A_MANAGER(EnumSet.of(ESCALATE_TO_MANAGER),
            a -> a.actor().role() == ActorRole.SYSTEM || a.actor().role() == ActorRole.BOARD,
            "Escalation to the manager happens by itself on a report; only the board can send a case back to a manager."),

    /** The case climbs when its holder does not act in time, or asks the level above to take it. */
    THE_HOLDER_OR_THE_BOARD_ESCALATES_UP(EnumSet.of(ESCALATE_TO_NEXT_LEVEL),
            a -> a.actor().role() == ActorRole.SYSTEM || a.actor().role() == ActorRole.BOARD
                    || (a.progress().assignee() != null && a.progress().assignee().isHeldBy(a.actor())),
            "Only the person who holds the case, or the board, can escalate it."),

    /** A deadline passes by itself: nobody declares another person late. */
    ONLY_THE_SYSTEM_MARKS_A_STEP_OVERDUE(EnumSet.of(MARK_STEP_OVERDUE),
            a -> a.actor().role() == ActorRole.SYSTEM,
            "Only the system marks a step overdue, when its deadline passes."),

    /** The one the case was escalated to confirms they have it (at board level, any board member). */
    ONLY_THE_HOLDER_ACKNOWLEDGES(EnumSet.of(ACKNOWLEDGE),
            a -> a.progress().assignee() != null ? a.progress().assignee().isHeldBy(a.actor())
                    : a.actor().role() == ActorRole.BOARD,
            "Only the person who holds the case can acknowledge it."),

    /** SKOW: the manager handles the case, with the director-board when it is serious. */
    THE_CASES_MANAGER_OR_THE_BOARD_HANDLES_IT(
            EnumSet.of(AGREE_STRATEGY, NOTIFY_COMMUNICATIONS, IMPOSE_LIGHT_MEASURE, IMPOSE_HEAVY_MEASURE,
                    RECORD_CORRESPONDENCE, CLOSE),
            a -> CasePolicies.isTheBoardOrTheCasesManager(a.actor(), a.progress()),
            "Only the case's manager or the board can %s."),

    /** SKOW, Altena: a possible criminal offence is reported to the police, and that is the board's decision. */
    ONLY_THE_BOARD_FILES_WITH_THE_POLICE(EnumSet.of(FILE_WITH_POLICE, DECLINE_POLICE_REPORT),
            a -> a.actor().role() == ActorRole.BOARD,
            "Whether to file with the police is the board's decision."),

    /** Altena: the board reports boundary-crossing communication of staff to the national confidential inspector. */
    ONLY_THE_BOARD_REPORTS_TO_THE_INSPECTOR(EnumSet.of(REPORT_TO_INSPECTOR),
            a -> a.actor().role() == ActorRole.BOARD,
            "Reporting to the national confidential inspector is the board's decision."),

    /** SKOW, OPOA: suspension, dismissal and removal from school are the board's to impose. */
    HEAVY_MEASURES_ARE_THE_BOARDS(EnumSet.of(IMPOSE_HEAVY_MEASURE),
            a -> a.actor().role() == ActorRole.BOARD,
            "Suspension, dismissal and removal are heavy measures: only the board imposes them."),

    /**
     * Whoever is involved in the discussion (author, target or bystander) does not handle its case:
     * it goes to the level above them. The refusal does not say why, so that it does not tell anyone
     * that they are named in a case.
     */
    A_PERSON_INVOLVED_DOES_NOT_HANDLE_THE_CASE(
            EnumSet.complementOf(EnumSet.of(REPORT, MARK_STEP_OVERDUE)),
            a -> a.actor().role() == ActorRole.SYSTEM || !a.progress().involves(a.actor().id()),
            "You cannot %s: the protocol gives this case to someone else.");

    private final Set<CaseAction> governs;
    private final Predicate<Attempt> allows;
    private final String refusal;

    CasePolicy(Set<CaseAction> governs, Predicate<Attempt> allows, String refusal) {
        this.governs = Collections.unmodifiableSet(EnumSet.copyOf(governs));
        this.allows = allows;
        this.refusal = refusal;
    }

    /** The actions this rule speaks to, in their declaration order. */
    public Set<CaseAction> governs() {
        return governs;
    }

    public boolean governs(CaseAction action) {
        return governs.contains(action);
    }

    /** Whether the attempt satisfies this rule; an attempt at an action it does not govern always does. */
    public boolean allows(Attempt attempt) {
        return !governs(attempt.action()) || allows.test(attempt);
    }

    /** Why this rule refuses an attempt at the action, in words for the person refused. */
    public String refusal(CaseAction action) {
        return refusal.formatted(action.task());
    }
}
