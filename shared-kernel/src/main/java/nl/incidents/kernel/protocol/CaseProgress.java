package nl.incidents.kernel.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.CaseRestrictedToNeedToKnow;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.LegalHoldLifted;
import nl.incidents.kernel.incident.LegalHoldPlaced;
import nl.incidents.kernel.incident.NeedToKnowLifted;
import nl.incidents.kernel.incident.NeedToKnowReaderAdded;
import nl.incidents.kernel.incident.NeedToKnowReaderRemoved;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.PoliceReportConcluded;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;

/**
 * Where a case stands, folded from its events in order: the one place that decides which steps
 * are open and when they are due, the case's status, who holds it and who its manager is. The
 * aggregate, the notices, the saga, the ledgers and the dossier all read a case through it (or,
 * keeping their own rows, through {@link #stepsEndedBy}), so they cannot disagree.
 *
 * <p>The rules of the open steps: a {@link DeadlineSet} opens its step or replaces the step's
 * earlier deadline (a reminder keeps the step's own due time); an escalation ends the
 * acknowledgement that was due (the new assignee's deadline follows); the event that takes a step
 * ({@link Step#takenBy}) ends it; closing the case ends all.
 *
 * @param incidentId  the case
 * @param report      the report, or null until it is seen
 * @param status      where the case stands, or null until it is reported
 * @param assignee    who holds the case now, or null before its first escalation
 * @param manager     the case's manager: the last manager it was escalated to, or null. They keep
 *                    handling it after it goes up (SKOW: the manager handles it with the board)
 * @param terms       the escalation policy's terms recorded for the case, or null for a case
 *                    reported before deadlines existed (it keeps none)
 * @param open        the open steps, in the order of {@link Step}
 * @param strategyAgreed          a response strategy was agreed
 * @param communicationsNotified  the communications department was informed
 * @param policeDecided           the board filed with the police or decided not to
 * @param actingOn    the step just found overdue, which the events that directly follow act on; else null
 * @param missedAcknowledgement   when the current assignee got the case because the previous one did
 *                    not acknowledge in time: when that was due; else null
 * @param legalHold   the board's legal hold in force (bewaarblokkade), with its reason, or null when none is
 * @param policeReportOpen        a police report was filed and the board has not recorded how it ended
 * @param erased      the whole case was erased ({@link CaseErased}): nothing more happens in it
 * @param needToKnowMark the board's need-to-know mark in force ({@link CaseRestrictedToNeedToKnow}), with its reason,
 *                    or null when the board marked nothing (a legal-duty case is need-to-know without it:
 *                    {@link #needToKnow()})
 * @param needToKnowReaders the people the board added to the need-to-know case and did not take off again, by id
 */
public record CaseProgress(
        IncidentId incidentId,
        DerailingDiscussionReported report,
        IncidentStatus status,
        Assignee assignee,
        PersonId manager,
        EscalationPolicyRecorded terms,
        Map<Step, OpenStep> open,
        boolean strategyAgreed,
        boolean communicationsNotified,
        boolean policeDecided,
        StepOverdue actingOn,
        Instant missedAcknowledgement,
        LegalHoldPlaced legalHold,
        boolean policeReportOpen,
        boolean erased,
        CaseRestrictedToNeedToKnow needToKnowMark,
        Set<PersonId> needToKnowReaders) {

    public CaseProgress {
        Objects.requireNonNull(incidentId, "incidentId");
        needToKnowReaders = needToKnowReaders == null ? Set.of() : Set.copyOf(needToKnowReaders);
        EnumMap<Step, OpenStep> copy = new EnumMap<>(Step.class);
        copy.putAll(open);
        open = Collections.unmodifiableMap(copy);
    }

    /** Nothing known yet of this case. */
    public static CaseProgress of(IncidentId incidentId) {
        return new CaseProgress(incidentId, null, null, null, null, null, Map.of(), false, false, false, null, null, null,
                false, false, null, Set.of());
    }

    /** Where a case stands after these events of it, in order. */
    public static CaseProgress of(IncidentId incidentId, Iterable<? extends IncidentEvent> events) {
        CaseProgress progress = of(incidentId);
        for (IncidentEvent event : events) {
            progress = progress.next(event);
        }
        return progress;
    }

    /**
     * The steps this event ends, in the order of {@link Step}: the step it takes, the
     * acknowledgement an escalation replaces, every step when the case closes. For consumers that
     * keep open steps in their own rows; a {@link DeadlineSet} opens (or replaces) its step.
     */
    public static Set<Step> stepsEndedBy(IncidentEvent event) {
        if (event instanceof IncidentClosed) {
            return Collections.unmodifiableSet(EnumSet.allOf(Step.class));
        }
        if (event instanceof IncidentEscalated) {
            return Set.of(Step.ACKNOWLEDGE);
        }
        return Step.takenBy(event).map(Set::of).orElse(Set.of());
    }

    /** Where the case stands once this event of it happened. */
    public CaseProgress next(IncidentEvent event) {
        DerailingDiscussionReported reported = report;
        Assignee holder = assignee;
        PersonId caseManager = manager;
        EscalationPolicyRecorded caseTerms = terms;
        Map<Step, OpenStep> steps = new EnumMap<>(Step.class);
        steps.putAll(open);
        StepOverdue overdue = actingOn;
        Instant missed = missedAcknowledgement;

        if (event instanceof DerailingDiscussionReported e) {
            reported = e;
        } else if (event instanceof EscalationPolicyRecorded e) {
            caseTerms = e;
        } else if (event instanceof IncidentEscalated e) {
            holder = e.assignee();
            if (holder.level() == EscalationLevel.MANAGER) {
                caseManager = holder.personId();
            }
            missed = overdue != null && overdue.step() == Step.ACKNOWLEDGE ? overdue.dueAt() : null;
            overdue = null;
        } else if (event instanceof DeadlineSet e) {
            steps.put(e.step(), deadline(steps.get(e.step()), e, holder));
        } else if (event instanceof StepOverdue e) {
            overdue = e;
            steps.computeIfPresent(e.step(), (step, s) ->
                    new OpenStep(step, s.dueAt(), s.nextDeadline(), s.reminders(), e.dueAt(), s.assignee()));
        } else if (event instanceof BoardReminded || event instanceof CommunicationsDepartmentNotified
                || event instanceof IncidentClosed) {
            overdue = null;
        }
        stepsEndedBy(event).forEach(steps::remove);
        return new CaseProgress(incidentId, reported, IncidentStatus.after(status, event, strategyAgreed), holder,
                caseManager, caseTerms, steps,
                strategyAgreed || event instanceof ResponseStrategyAgreed,
                communicationsNotified || event instanceof CommunicationsDepartmentNotified,
                policeDecided || event instanceof FiledWithPolice || event instanceof PoliceReportDeclined,
                overdue, missed, legalHoldAfter(event), policeReportOpenAfter(event),
                erased || event instanceof CaseErased, needToKnowMarkAfter(event), needToKnowReadersAfter(event));
    }

    private CaseRestrictedToNeedToKnow needToKnowMarkAfter(IncidentEvent event) {
        if (event instanceof CaseRestrictedToNeedToKnow e) {
            return e;
        }
        return event instanceof NeedToKnowLifted ? null : needToKnowMark;
    }

    private Set<PersonId> needToKnowReadersAfter(IncidentEvent event) {
        if (event instanceof NeedToKnowReaderAdded e) {
            Set<PersonId> readers = new HashSet<>(needToKnowReaders);
            readers.add(e.personId());
            return readers;
        }
        if (event instanceof NeedToKnowReaderRemoved e) {
            Set<PersonId> readers = new HashSet<>(needToKnowReaders);
            readers.remove(e.personId());
            return readers;
        }
        return needToKnowReaders;
    }

    private LegalHoldPlaced legalHoldAfter(IncidentEvent event) {
        if (event instanceof LegalHoldPlaced e) {
            return e;
        }
        return event instanceof LegalHoldLifted ? null : legalHold;
    }

    private boolean policeReportOpenAfter(IncidentEvent event) {
        if (event instanceof FiledWithPolice) {
            return true;
        }
        return !(event instanceof PoliceReportConcluded) && policeReportOpen;
    }

    /**
     * Whether this case is held back from erasure, and why: the board's legal hold (bewaarblokkade) while it is in
     * force; a police report (aangifte) from its filing until the board records how it ended; the consultation of
     * the confidential inspector (art. 4a WOT) while that step is open. Empty when nothing holds the case; the
     * holds in that order otherwise. A hold keeps the case past its retention period (AVG art. 17(3)(e): the data
     * is needed for a legal claim or an investigation); {@link Retention} applies it.
     */
    public List<Hold> holds() {
        List<Hold> holds = new ArrayList<>();
        if (legalHold != null) {
            holds.add(new Hold(Hold.Kind.LEGAL_HOLD, legalHold.reason()));
        }
        if (policeReportOpen) {
            holds.add(new Hold(Hold.Kind.POLICE_REPORT, null));
        }
        if (isOpen(Step.INSPECTOR_CONSULTATION)) {
            holds.add(new Hold(Hold.Kind.INSPECTOR_CONSULTATION, null));
        }
        return List.copyOf(holds);
    }

    /** Whether anything holds the case back from erasure ({@link #holds()}). */
    public boolean held() {
        return !holds().isEmpty();
    }

    private static OpenStep deadline(OpenStep earlier, DeadlineSet e, Assignee holder) {
        if (e.reminder() > 0 && earlier != null) {
            return new OpenStep(e.step(), earlier.dueAt(), e.dueAt(), e.reminder(), earlier.overdueSince(),
                    earlier.assignee());
        }
        return new OpenStep(e.step(), e.dueAt(), e.dueAt(), e.reminder(), null,
                e.step() == Step.ACKNOWLEDGE ? holder : null);
    }

    /**
     * Whether the legal duty holds the case open: under it, the board consults the confidential
     * inspector and decides on a police report before the case closes.
     */
    public boolean heldOpenByLegalDuty() {
        return legalDuty() && (isOpen(Step.INSPECTOR_CONSULTATION) || isOpen(Step.POLICE_DECISION));
    }

    /** Whether the case was reported (else nothing else is known of it). */
    public boolean reported() {
        return report != null;
    }

    public boolean closed() {
        return status == IncidentStatus.CLOSED;
    }

    /** Whether the case still waits for its first escalation or for the assignee's acknowledgement. */
    public boolean awaitingAcknowledgement() {
        return status == IncidentStatus.REPORTED || status == IncidentStatus.ESCALATED;
    }

    /** The reported school, or null until the report is seen. */
    public String schoolId() {
        return report == null ? null : report.schoolId();
    }

    /** Who reported the case, or null until the report is seen. */
    public PersonId reporter() {
        return report == null ? null : report.reportedBy();
    }

    /** The people the discussion is about, as reported. */
    public List<InvolvedParty> involvedParties() {
        return report == null ? List.of() : report.involvedParties();
    }

    /** Whether this person is one of the parties involved in the discussion (author, target or bystander). */
    public boolean involves(PersonId person) {
        return person != null && involvedParties().stream().anyMatch(p -> p.personId().equals(person));
    }

    /** Who this person is to the school in this case, when they are involved. */
    public Optional<PartyRole> partyRole(PersonId person) {
        return involvedParties().stream().filter(p -> p.personId().equals(person)).map(InvolvedParty::role).findFirst();
    }

    /** Whether the case keeps deadlines: it was reported under an escalation policy. */
    public boolean timed() {
        return terms != null;
    }

    /** Whether the legal duty of art. 4a WOT applies to the case. */
    public boolean legalDuty() {
        return terms != null && terms.legalDuty();
    }

    /**
     * Whether the case is need-to-know (alleen wie het moet weten): under the legal duty of art. 4a WOT (a suspected
     * sexual offence by a staff member), or marked so by the board. Only the board and the people it added
     * ({@link #needToKnowReaders()}) read it, act on it and are told of it ({@link NeedToKnow#mayKnow}).
     */
    public boolean needToKnow() {
        return legalDuty() || needToKnowMark != null;
    }

    /** Whether this person is one of those the board added to the need-to-know case. */
    public boolean isNeedToKnowReader(PersonId person) {
        return person != null && needToKnowReaders.contains(person);
    }

    /**
     * The level a case climbs to from this one, by its own chain (or, for a case without terms,
     * the next level), or null at the top.
     */
    public EscalationLevel levelAbove(EscalationLevel level) {
        return terms != null ? terms.above(level) : level.isTop() ? null : level.next();
    }

    /** Whether a new case goes straight to the board: the legal duty, or a chain without managers. */
    public boolean skipsManager() {
        return terms != null && (terms.legalDuty() || terms.first() == EscalationLevel.BOARD);
    }

    public boolean isOpen(Step step) {
        return open.containsKey(step);
    }

    /** The open step, or null when it is not open. */
    public OpenStep openStep(Step step) {
        return open.get(step);
    }

    /** When the step's own deadline falls, or null when it is not open. */
    public Instant dueAt(Step step) {
        OpenStep s = open.get(step);
        return s == null ? null : s.dueAt();
    }

    /** The open steps, the one due first at the top (then in the order of {@link Step}). */
    public List<OpenStep> openStepsByDueTime() {
        return open.values().stream()
                .sorted(Comparator.comparing(OpenStep::dueAt).thenComparing(OpenStep::step)).toList();
    }

    /** Whether the system is acting on this step because it is overdue. */
    public boolean actingOnOverdue(Step step) {
        return actingOn != null && actingOn.step() == step;
    }
}
