package nl.incidents.kernel.protocol;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.Step;

/**
 * Which actions the state of a case allows: the protocol's order of steps. Nothing happens in a
 * closed case; a case is handled once its holder acknowledged it; the communications department
 * is informed once and the police decision taken once; under the legal duty, the inspector is
 * consulted before the police decision and the case does not close before both. What keeps a case (a legal hold,
 * the outcome of its police report) is recorded on open and closed cases alike, since a case is kept long after it
 * closes; a hold is placed once and lifted once, and a police report's outcome is recorded while it is open. So is who needs
 * to know: a case is marked need-to-know once, its mark lifted once (never the legal duty's), and people are added to
 * or taken off it while it is need-to-know. Checked after
 * {@link CasePolicies}, so only someone with a right to the case learns its state.
 */
public final class CaseStates {

    private CaseStates() {
    }

    /** Why the case's state does not allow the action now, or empty when it does. */
    public static Optional<String> refusal(CaseAction action, CaseProgress progress) {
        return refused(action, progress).map(RequestRefused::getMessage);
    }

    /**
     * The refusal (conflict, 409) of the action by the case's state, with its code ({@code state.closed},
     * {@code state.awaiting-acknowledgement}...) and the action as parameter {@code action}; or empty
     * when the state allows it.
     */
    public static Optional<RequestRefused> refused(CaseAction action, CaseProgress progress) {
        return Optional.ofNullable(refusing(action, progress)).map(r -> r.with("action", action.name()));
    }

    private static RequestRefused refusing(CaseAction action, CaseProgress progress) {
        if (progress.erased()) {
            return RequestRefused.conflict("state.erased",
                    "Incident " + progress.incidentId() + " was erased; nothing more can be done in it.");
        }
        switch (action) {
            case ERASE_PERSON:
                return held(progress);
            case ERASE_CASE:
                return progress.closed() ? held(progress) : RequestRefused.conflict("state.open",
                        "Only a closed case can be erased: close it first, with the reason as its outcome.");
            case PLACE_LEGAL_HOLD:
                return progress.legalHold() == null ? null : RequestRefused.conflict("state.legal-hold-placed",
                        "The board already holds this case; lift that hold before placing another.");
            case LIFT_LEGAL_HOLD:
                return progress.legalHold() != null ? null : RequestRefused.conflict("state.no-legal-hold",
                        "The board holds nothing in this case: there is no legal hold to lift.");
            case RESTRICT_TO_NEED_TO_KNOW:
                return !progress.needToKnow() ? null : RequestRefused.conflict("state.need-to-know",
                        "Only those who need to know may know of this case already.");
            case LIFT_NEED_TO_KNOW:
                return progress.legalDuty() ? RequestRefused.conflict("state.legal-duty-need-to-know",
                        "The legal duty (art. 4a WOT) keeps this case need-to-know; that mark cannot be lifted.")
                        : progress.needToKnowMark() != null ? null : RequestRefused.conflict("state.not-need-to-know",
                        "This case is not marked need-to-know: there is no mark to lift.");
            case ADD_NEED_TO_KNOW_READER, REMOVE_NEED_TO_KNOW_READER:
                return progress.needToKnow() ? null : RequestRefused.conflict("state.not-need-to-know",
                        "This case is not need-to-know: everyone whose role reads it, reads it already.");
            case RECORD_POLICE_REPORT_OUTCOME:
                return progress.policeReportOpen() ? null : RequestRefused.conflict("state.no-police-report",
                        "No police report of this case is open: none was filed, or its outcome was recorded already.");
            default:
                break;
        }
        if (progress.closed()) {
            return RequestRefused.conflict("state.closed",
                    "Incident " + progress.incidentId() + " is closed; nothing more can be done in it.");
        }
        return switch (action) {
            case ACKNOWLEDGE -> progress.status() == IncidentStatus.ESCALATED ? null
                    : progress.assignee() == null
                    ? RequestRefused.conflict("state.not-escalated",
                            "The case has not been escalated yet, so there is nothing to acknowledge.")
                    : RequestRefused.conflict("state.acknowledged",
                            "Nothing waits for an acknowledgement: the case was acknowledged already.");
            case ESCALATE_TO_NEXT_LEVEL -> Escalations.up(progress, "").isPresent() ? null
                    : RequestRefused.conflict("state.at-board", "The case is already with the board, the highest level.");
            case NOTIFY_COMMUNICATIONS -> progress.communicationsNotified()
                    ? RequestRefused.conflict("state.communications-notified",
                            "The communications department has already been notified of this case.")
                    : null;
            case DECLINE_POLICE_REPORT -> progress.policeDecided()
                    ? RequestRefused.conflict("state.police-decided",
                            "The board already decided on a police report in this case.")
                    : progress.isOpen(Step.INSPECTOR_CONSULTATION)
                    ? RequestRefused.conflict("state.inspector-first", "Consult the national confidential inspector "
                            + "first: under the legal duty, the decision on a police report follows that consultation.")
                    : null;
            case AGREE_STRATEGY, IMPOSE_LIGHT_MEASURE, IMPOSE_HEAVY_MEASURE ->
                    awaitingAcknowledgement(action, progress);
            case CLOSE -> progress.awaitingAcknowledgement() ? awaitingAcknowledgement(action, progress)
                    : progress.heldOpenByLegalDuty()
                    ? RequestRefused.conflict("state.legal-duty-open", "The legal duty holds this case open: the board "
                            + "must consult the national confidential inspector and decide on a police report before "
                            + "it closes.")
                    : null;
            default -> null;
        };
    }

    /** AVG art. 17(3)(e): what is needed for a legal claim or an investigation is not erased while it is. */
    private static RequestRefused held(CaseProgress progress) {
        List<Hold> holds = progress.holds();
        return holds.isEmpty() ? null : RequestRefused.conflict("state.held", "This case is kept: "
                + holds.stream().map(h -> h.kind().description()).collect(Collectors.joining(", "))
                + ". Nothing in it is erased until that ends.")
                .with("holds", holds.stream().map(h -> h.kind().code()).collect(Collectors.joining(",")));
    }

    public static boolean allows(CaseAction action, CaseProgress progress) {
        return refusing(action, progress) == null;
    }

    /** Refuses the action as a conflict with the case's state (409) unless the state allows it. */
    public static void check(CaseAction action, CaseProgress progress) {
        refused(action, progress).ifPresent(refusal -> {
            throw refusal;
        });
    }

    private static RequestRefused awaitingAcknowledgement(CaseAction action, CaseProgress progress) {
        if (!progress.awaitingAcknowledgement()) {
            return null;
        }
        return RequestRefused.conflict("state.awaiting-acknowledgement", "The case still waits for "
                + (progress.assignee() == null ? "escalation"
                : "an acknowledgement by " + progress.assignee().describe()) + "; it must be acknowledged before "
                + "anyone can " + action.task() + ".");
    }
}
