package nl.incidents.kernel.protocol;

import static nl.incidents.kernel.protocol.CaseAction.ACKNOWLEDGE;
import static nl.incidents.kernel.protocol.CaseAction.ATTACH_EVIDENCE;
import static nl.incidents.kernel.protocol.CaseAction.ADD_NEED_TO_KNOW_READER;
import static nl.incidents.kernel.protocol.CaseAction.AGREE_STRATEGY;
import static nl.incidents.kernel.protocol.CaseAction.CLOSE;
import static nl.incidents.kernel.protocol.CaseAction.DECLINE_POLICE_REPORT;
import static nl.incidents.kernel.protocol.CaseAction.ERASE_CASE;
import static nl.incidents.kernel.protocol.CaseAction.ERASE_PERSON;
import static nl.incidents.kernel.protocol.CaseAction.ESCALATE_TO_MANAGER;
import static nl.incidents.kernel.protocol.CaseAction.ESCALATE_TO_NEXT_LEVEL;
import static nl.incidents.kernel.protocol.CaseAction.FILE_WITH_POLICE;
import static nl.incidents.kernel.protocol.CaseAction.IMPOSE_HEAVY_MEASURE;
import static nl.incidents.kernel.protocol.CaseAction.IMPOSE_LIGHT_MEASURE;
import static nl.incidents.kernel.protocol.CaseAction.LIFT_LEGAL_HOLD;
import static nl.incidents.kernel.protocol.CaseAction.LIFT_NEED_TO_KNOW;
import static nl.incidents.kernel.protocol.CaseAction.MARK_STEP_OVERDUE;
import static nl.incidents.kernel.protocol.CaseAction.NOTIFY_COMMUNICATIONS;
import static nl.incidents.kernel.protocol.CaseAction.PLACE_LEGAL_HOLD;
import static nl.incidents.kernel.protocol.CaseAction.RECORD_CORRESPONDENCE;
import static nl.incidents.kernel.protocol.CaseAction.RECORD_POLICE_REPORT_OUTCOME;
import static nl.incidents.kernel.protocol.CaseAction.REMOVE_NEED_TO_KNOW_READER;
import static nl.incidents.kernel.protocol.CaseAction.REPORT;
import static nl.incidents.kernel.protocol.CaseAction.REPORT_TO_INSPECTOR;
import static nl.incidents.kernel.protocol.CaseAction.RESTRICT_TO_NEED_TO_KNOW;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import nl.incidents.kernel.incident.ActorRole;

/**
 * One rule of the protocols about who may do what, named after the sentence it comes from
 * ({@link #rule()} says it in full, with its sources). Each governs some actions; an attempt at one
 * of them must satisfy every rule that governs it. The refusals name nobody: they reach people who
 * may have no right to the case at all, and the one for a person involved in the case does not
 * tell them that they are named in it.
 */
public enum CasePolicy {

    ONLY_THOSE_WHO_NEED_TO_KNOW(NeedToKnow.REFUSAL_CODE,
            "A legal-duty case (art. 4a WOT), or one the board marked need-to-know, is known only to the board and "
            + "the people the board added; anyone else is refused as for a case they may not read.",
            EnumSet.complementOf(EnumSet.of(REPORT)),
            a -> NeedToKnow.mayKnow(a.actor(), a.progress()),
            "You may not read or act on this case."),

    STAFF_REPORT_ABOUT_THEIR_OWN_SCHOOL("policy.own-school",
            "Staff and managers report discussions about their own school; the board and the "
            + "communications department about any school (SKOW B.2, Altena B.3).",
            EnumSet.of(REPORT),
            a -> a.actor().role() == ActorRole.BOARD || a.actor().role() == ActorRole.COMMUNICATIONS
                    || ((a.actor().role() == ActorRole.STAFF || a.actor().role() == ActorRole.MANAGER)
                            && a.actorSchools().contains(a.progress().schoolId())),
            "You can report discussions about your own school only."),

    ONLY_THE_SYSTEM_OR_THE_BOARD_ESCALATES_TO_A_MANAGER("policy.escalation-to-manager",
            "A report goes to the school's manager at once, by itself; only the board sends a case "
            + "back to a manager (SKOW B.2, Altena B.3, OOG).",
            EnumSet.of(ESCALATE_TO_MANAGER),
            a -> a.actor().role() == ActorRole.SYSTEM || a.actor().role() == ActorRole.BOARD,
            "Escalation to the manager happens by itself on a report; only the board can send a case back "
                    + "to a manager."),

    THE_HOLDER_OR_THE_BOARD_ESCALATES_UP("policy.holder-or-board-escalates",
            "Whoever holds the case, or the board, hands it up a level; the system does when the "
            + "holder does not acknowledge in time.",
            EnumSet.of(ESCALATE_TO_NEXT_LEVEL),
            a -> a.actor().role() == ActorRole.SYSTEM || a.actor().role() == ActorRole.BOARD
                    || (a.progress().assignee() != null && a.progress().assignee().isHeldBy(a.actor())),
            "Only the person who holds the case, or the board, can escalate it."),

    ONLY_THE_SYSTEM_MARKS_A_STEP_OVERDUE("policy.system-marks-overdue",
            "Only the system marks a step overdue, when its deadline passes.",
            EnumSet.of(MARK_STEP_OVERDUE),
            a -> a.actor().role() == ActorRole.SYSTEM,
            "Only the system marks a step overdue, when its deadline passes."),

    ONLY_THE_HOLDER_ACKNOWLEDGES("policy.holder-acknowledges",
            "Only the one who holds the case acknowledges it: its manager, or at board level any "
            + "board member.",
            EnumSet.of(ACKNOWLEDGE),
            a -> a.progress().assignee() != null ? a.progress().assignee().isHeldBy(a.actor())
                    : a.actor().role() == ActorRole.BOARD,
            "Only the person who holds the case can acknowledge it."),

    THE_CASES_MANAGER_OR_THE_BOARD_HANDLES_IT("policy.manager-or-board",
            "The case's manager or the board handles it: strategy, communications, measures, "
            + "correspondence, closure (SKOW).",
            EnumSet.of(AGREE_STRATEGY, NOTIFY_COMMUNICATIONS, IMPOSE_LIGHT_MEASURE, IMPOSE_HEAVY_MEASURE,
                    RECORD_CORRESPONDENCE, CLOSE),
            a -> CasePolicies.isTheBoardOrTheCasesManager(a.actor(), a.progress()),
            "Only the case's manager or the board can %s."),

    ONLY_THE_BOARD_FILES_WITH_THE_POLICE("policy.board-police",
            "Only the board decides on a police report, to file or not, and records how it ended (SKOW, Altena).",
            EnumSet.of(FILE_WITH_POLICE, DECLINE_POLICE_REPORT, RECORD_POLICE_REPORT_OUTCOME),
            a -> a.actor().role() == ActorRole.BOARD,
            "Whether to file with the police is the board's decision."),

    ONLY_THE_BOARD_REPORTS_TO_THE_INSPECTOR("policy.board-inspector",
            "Only the board reports to the national confidential inspector (Altena).",
            EnumSet.of(REPORT_TO_INSPECTOR),
            a -> a.actor().role() == ActorRole.BOARD,
            "Reporting to the national confidential inspector is the board's decision."),

    ONLY_THE_BOARD_PLACES_A_LEGAL_HOLD("policy.board-legal-hold",
            "Only the board, the controller (verwerkingsverantwoordelijke) under the AVG, places and lifts a legal "
            + "hold that keeps a case past its retention period (AVG art. 5(1)(e), 17(3)(e)).",
            EnumSet.of(PLACE_LEGAL_HOLD, LIFT_LEGAL_HOLD),
            a -> a.actor().role() == ActorRole.BOARD,
            "Keeping a case past its retention period is the board's decision."),

    ONLY_THE_BOARD_DECIDES_WHO_NEEDS_TO_KNOW("policy.board-need-to-know",
            "Only the board marks a case need-to-know, lifts its mark, and adds or takes off the people who may "
            + "know of it.",
            EnumSet.of(RESTRICT_TO_NEED_TO_KNOW, LIFT_NEED_TO_KNOW, ADD_NEED_TO_KNOW_READER, REMOVE_NEED_TO_KNOW_READER),
            a -> a.actor().role() == ActorRole.BOARD,
            "Who needs to know of a case is the board's decision."),

    ONLY_THE_BOARD_ERASES("policy.board-erases",
            "Only the board, the controller under the AVG, erases a person's data or a whole case, on a request and "
            + "its legal ground (AVG art. 17); the system erases what a retention period ended for (art. 5(1)(e)).",
            EnumSet.of(ERASE_PERSON, ERASE_CASE),
            a -> a.actor().role() == ActorRole.BOARD || a.actor().role() == ActorRole.SYSTEM,
            "Erasing personal data is the board's decision."),

    HEAVY_MEASURES_ARE_THE_BOARDS("policy.heavy-measure",
            "Heavy measures (suspension, dismissal, summary dismissal, removal) are the board's "
            + "(SKOW, OPOA).",
            EnumSet.of(IMPOSE_HEAVY_MEASURE),
            a -> a.actor().role() == ActorRole.BOARD,
            "Suspension, dismissal and removal are heavy measures: only the board imposes them."),

    THE_REPORTER_OR_A_HANDLER_ATTACHES_EVIDENCE("policy.evidence",
            "The case's reporter, or whoever handles it (its manager, the one who holds it, the board), attaches "
            + "evidence: screenshots, files and saved pages of the discussion.",
            EnumSet.of(ATTACH_EVIDENCE),
            a -> CasePolicies.isTheBoardOrTheCasesManager(a.actor(), a.progress())
                    || (a.progress().assignee() != null && a.progress().assignee().isHeldBy(a.actor()))
                    || (a.actor().role() != ActorRole.SYSTEM && a.actor().id().equals(a.progress().reporter())),
            "Only the case's reporter or those who handle it can %s."),

    A_PERSON_INVOLVED_DOES_NOT_HANDLE_THE_CASE("policy.involved",
            "A person involved in the discussion (author, target, bystander) does not handle its "
            + "case, nor is it escalated to them: it goes to the board at once. Its reporter, even when involved "
            + "(a teacher reporting what is said about them), still attaches the evidence they hold.",
            EnumSet.complementOf(EnumSet.of(REPORT, MARK_STEP_OVERDUE)),
            a -> a.actor().role() == ActorRole.SYSTEM || !a.progress().involves(a.actor().id())
                    || (a.action() == ATTACH_EVIDENCE && a.actor().id().equals(a.progress().reporter())),
            "You cannot %s: the protocol gives this case to someone else.");

    private final String code;
    private final String rule;
    private final Set<CaseAction> governs;
    private final Predicate<Attempt> allows;
    private final String refusal;

    CasePolicy(String code, String rule, Set<CaseAction> governs, Predicate<Attempt> allows, String refusal) {
        this.code = code;
        this.rule = rule;
        this.governs = Collections.unmodifiableSet(EnumSet.copyOf(governs));
        this.allows = allows;
        this.refusal = refusal;
    }

    /**
     * The refusal's code for machines ({@link nl.incidents.kernel.RequestRefused#code()}), such as
     * {@code policy.involved}; the refusal carries the attempted action as its parameter {@code action}.
     */
    public String code() {
        return code;
    }

    /** The rule in a sentence, with the protocols it comes from (for the README and the web pages). */
    public String rule() {
        return rule;
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
