package nl.incidents.command.retention;

import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.EraseCase;
import nl.incidents.kernel.incident.ErasePersonFromCase;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import nl.incidents.kernel.protocol.Hold;
import nl.incidents.kernel.protocol.RecordKind;
import nl.incidents.kernel.protocol.Retention;
import nl.incidents.kernel.protocol.RetentionPeriods;
import nl.incidents.support.IncidentsProperties;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The retention schedule (bewaarschema): which closed cases have something due by a moment ({@link #due}, the board's
 * dry run) and the daily erasure of what is due now ({@link #run}, the {@code retention} task). Both read the closed
 * cases from {@link RetentionLedger} (only those closed long enough ago for their shortest period to have ended), fold
 * each from the event store and decide by {@link RetentionPlan}. The erasures are the system's ({@link Actor#SYSTEM}),
 * on the ground that the retention period ended (AVG art. 5(1)(e)), with the request {@value #REQUEST}.
 *
 * <p>The log names cases by id and counts people, never who they are; the counter {@code incidents.retention.erasures}
 * (Prometheus {@code incidents_retention_erasures_total}) counts erased cases ({@code kind="case"}) and people erased
 * from a case for their dossier entries ({@code kind="pupil-dossier"}, {@code "personnel-dossier"}).
 */
@Component
class RetentionSchedule {

    /** The erasures' reference, where a board's erasure names its request. */
    static final String REQUEST = "retention";

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final RetentionLedger ledger;
    private final EventStore eventStore;
    private final IncidentCommands commands;
    private final RetentionPeriods periods;
    private final Clock clock;
    private final LocalTime time;
    private final Map<RecordKind, Counter> erasures = new EnumMap<>(RecordKind.class);

    RetentionSchedule(RetentionLedger ledger, EventStore eventStore, IncidentCommands commands,
                      IncidentsProperties properties, MeterRegistry meters, Clock clock,
                      @Value("${incidents.retention.task-time:03:00}") LocalTime time) {
        this.ledger = ledger;
        this.eventStore = eventStore;
        this.commands = commands;
        this.periods = properties.retention().periods();
        this.clock = clock;
        this.time = time;
        for (RecordKind kind : RecordKind.values()) {
            erasures.put(kind, Counter.builder("incidents.retention.erasures")
                    .description("Erasures by the retention task: cases, and people erased from a case for their "
                            + "dossier entries, by kind of record")
                    .tag("kind", kind.code()).register(meters));
        }
        for (RecordKind kind : List.of(RecordKind.PERSONNEL_DOSSIER, RecordKind.PUPIL_DOSSIER)) {
            if (periods.years(kind) > periods.caseYears()) {
                log.warn("The retention period of {} entries ({} years) is longer than the case's ({} years): they are "
                        + "erased with their case.", kind.code(), periods.years(kind), periods.caseYears());
            }
        }
    }

    /** The periods in force. */
    RetentionPeriods periods() {
        return periods;
    }

    /** Now, by the schedule's clock. */
    Instant now() {
        return clock.instant();
    }

    /** The task's schedule: every day at {@code incidents.retention.task-time} Dutch time. */
    Daily daily() {
        return new Daily(Retention.DUTCH_TIME, time);
    }

    /** The task's first run at or after this moment: when what is due then is erased. */
    Instant runAtOrAfter(Instant moment) {
        Instant sameDay = moment.atZone(Retention.DUTCH_TIME).toLocalDate().atTime(time).atZone(Retention.DUTCH_TIME)
                .toInstant();
        return sameDay.isBefore(moment) ? daily().getInitialExecutionTime(moment) : sameDay;
    }

    /**
     * The plans of every closed case with something whose period has ended by {@code until}, held or not, the earliest
     * closed first. Whether a case is held is as things stand now.
     */
    List<RetentionPlan> due(Instant until) {
        int shortest = Collections.min(periods.byKind().values());
        // A day's slack for the calendar (29 February): the rule itself decides on the exact moment.
        Instant closedBy = until.atZone(Retention.DUTCH_TIME).minusYears(shortest).plusDays(1).toInstant();
        List<RetentionPlan> plans = new ArrayList<>();
        for (RetentionLedger.ClosedCase closed : ledger.closedBy(closedBy)) {
            try {
                plan(closed, until).ifPresent(plans::add);
            } catch (RuntimeException unreadable) {
                // One case that cannot be read must not keep every other case past its period: it is left for the
                // next night, and the operator sees which.
                log.error("Retention cannot read case {} and leaves it for now: {}", closed.incidentId(),
                        unreadable.getClass().getSimpleName());
            }
        }
        return plans;
    }

    private Optional<RetentionPlan> plan(RetentionLedger.ClosedCase closed, Instant until) {
        List<IncidentEvent> events = new ArrayList<>();
        Instant closedAt = null;
        for (EventMessage<?> message : eventStore.readEvents(closed.incidentId().toString()).asStream().toList()) {
            if (message.getPayload() instanceof IncidentEvent event) {
                events.add(event);
                if (event instanceof IncidentClosed) {
                    closedAt = message.getTimestamp();
                }
            }
        }
        return RetentionPlan.of(closed.incidentId(), events, closedAt, periods, until);
    }

    /** What one run did, in counts and case ids. */
    record Run(Instant at, List<String> erasedCases, int peopleErased, List<String> casesWithDossiersErased,
               List<String> heldCases, List<String> failedCases) {
    }

    /** Erases everything due now that nothing holds; logs what it did by case id and counts. */
    Run run() {
        Instant now = now();
        List<String> erasedCases = new ArrayList<>();
        List<String> dossiers = new ArrayList<>();
        List<String> held = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int people = 0;
        for (RetentionPlan plan : due(now)) {
            String id = plan.incidentId().toString();
            if (plan.held()) {
                held.add(id);
                log.info("Retention keeps case {} past its period: {}", id, String.join(", ", holdCodes(plan)));
                continue;
            }
            try {
                for (RetentionPlan.Part part : plan.parts()) {
                    if (part.kind() == RecordKind.CASE) {
                        commands.send(new EraseCase(plan.incidentId(), REQUEST, ErasureGround.RETENTION_PERIOD_ENDED,
                                ErasureRequester.RETENTION_SCHEDULE), Actor.SYSTEM);
                        erasures.get(RecordKind.CASE).increment();
                        erasedCases.add(id);
                        log.info("Retention erased case {}: its period ended {}", id, part.from());
                    } else {
                        for (PersonId person : part.people()) {
                            commands.send(new ErasePersonFromCase(plan.incidentId(), person, REQUEST,
                                    ErasureGround.RETENTION_PERIOD_ENDED, ErasureRequester.RETENTION_SCHEDULE),
                                    Actor.SYSTEM);
                            erasures.get(part.kind()).increment();
                            people++;
                        }
                        dossiers.add(id);
                        log.info("Retention erased {} {} from case {}: their {} entries' period ended {}",
                                part.people().size(), part.people().size() == 1 ? "person" : "people", id,
                                part.kind().code(), part.from());
                    }
                }
            } catch (RuntimeException e) {
                failed.add(id);
                // The refusal's code or the fault's type only: a message may quote what the case holds.
                log.warn("Retention could not erase (all of) what is due in case {}: {}; the next run tries again", id,
                        reason(e));
                log.debug("Retention's failure in case {}", id, e);
            }
        }
        log.info("Retention run of {}: {} case(s) erased, {} person(s) erased from {} case(s) for their dossier "
                        + "entries, {} case(s) kept by a hold, {} failed", now, erasedCases.size(), people,
                dossiers.size(), held.size(), failed.size());
        return new Run(now, erasedCases, people, dossiers, held, failed);
    }

    private static String reason(RuntimeException e) {
        if (e instanceof RequestRefused refused) {
            return refused.code();
        }
        if (e instanceof CommandExecutionException execution) {
            Optional<Object> details = execution.getDetails();
            if (details.isPresent() && details.get() instanceof RequestRefused.Details refusal) {
                return refusal.code();
            }
        }
        return e.getClass().getName();
    }

    /** The codes of a plan's holds, such as {@code legal-hold}. */
    static List<String> holdCodes(RetentionPlan plan) {
        return plan.holds().stream().map(Hold::kind).map(Hold.Kind::code).toList();
    }
}
