package nl.incidents.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.incidents.command.CommandServiceApplication;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How late do durable deadlines fire under load? Starts the command service (embedded H2, or
 * PostgreSQL when {@code SPRING_PROFILES_ACTIVE=postgres} and its datasource are set), reports
 * {@code cases} CRITICAL cases whose managers must acknowledge within {@code acknowledge} (the
 * clock counts around the hour), lets every deadline fall due without anyone acting, and prints
 * how late the system marked each acknowledgement overdue (median, p99, max) and how many it missed.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests package exec:java@deadlines
 * -Dexec.args="10000 PT3M"} (cases, time to acknowledge). The service runs with its defaults:
 * db-scheduler polls every second with 10 threads.
 *
 * <p>With a kill ({@code exec:java@deadlines-kill -Dexec.args="cases=10000 spread=PT10M"}, see {@link KilledDeadlines}):
 * the command service runs from its jar as a process of its own and is killed with SIGKILL while the deadlines fire,
 * then started again; missed, doubled and late deadlines are counted from the event store.
 */
public final class DeadlineBenchmark {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);

    private DeadlineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 ? "deadlines-kill".equals(System.getProperty("benchmark")) : args[0].contains("=")) {
            Figure.print("Deadlines, with a kill -9 of the command service while they fire", KilledDeadlines.main(args));
            System.exit(0);
        }
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Duration acknowledge = args.length > 1 ? Duration.parse(args[1]) : Duration.ofMinutes(3);
        Path data = Files.createTempDirectory("deadline-benchmark");
        // As command-line arguments: they win over the service's own configuration files.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandServiceApplication.class).run(
                "--incidents.data-dir=" + data,
                "--incidents.h2.port=0",
                "--incidents.escalation.timings.critical.acknowledge=" + acknowledge,
                "--incidents.escalation.timings.critical.notify-communications=P1D",
                "--incidents.escalation.timings.critical.police-decision=P1D",
                "--logging.level.root=WARN",
                "--server.port=0");
        try {
            run(context, cases, acknowledge);
        } finally {
            context.close();
        }
        System.exit(0); // exec:java would otherwise wait for any thread a library left behind
    }

    private static void run(ConfigurableApplicationContext context, int cases, Duration acknowledge) throws Exception {
        IncidentCommands commands = context.getBean(IncidentCommands.class);
        EventStore store = context.getBean(EventStore.class);
        String database = context.getEnvironment().getProperty("spring.datasource.url");

        System.out.printf("Deadline benchmark: %d CRITICAL cases, %s to acknowledge, on %s%n", cases, acknowledge, database);
        List<IncidentId> ids = Collections.synchronizedList(new ArrayList<>());
        Instant started = Instant.now();
        ExecutorService reporters = Executors.newFixedThreadPool(8);
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < cases; i++) {
            reporters.submit(() -> {
                IncidentId id = IncidentId.random();
                try {
                    commands.send(new ReportDerailingDiscussion(id, "school-1", Platform.WHATSAPP_GROUP,
                            "https://chat.whatsapp.com/invite/benchmark", "Benchmark case.", Stage.THREATENING,
                            Set.of(Harm.BULLYING), Severity.CRITICAL, List.of(), Instant.now()), TEACHER);
                    ids.add(id);
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
            });
        }
        reporters.shutdown();
        reporters.awaitTermination(1, TimeUnit.HOURS);
        Duration reporting = Duration.between(started, Instant.now());
        System.out.printf("Reported %d cases in %.1f s (%d failed)%n", ids.size(), reporting.toMillis() / 1000.0, failed.get());

        // Every case is escalated to its manager by the saga, which schedules the deadline.
        Map<IncidentId, Instant> due = new java.util.concurrent.ConcurrentHashMap<>();
        Instant waitUntil = Instant.now().plus(acknowledge);
        while (due.size() < ids.size() && Instant.now().isBefore(waitUntil)) {
            for (IncidentId id : ids) {
                if (!due.containsKey(id)) {
                    firstOf(store, id, DeadlineSet.class, d -> d.step() == Step.ACKNOWLEDGE)
                            .ifPresent(d -> due.put(id, d.getPayload().dueAt()));
                }
            }
            Thread.sleep(1_000);
        }
        Instant lastDue = due.values().stream().max(Instant::compareTo).orElse(Instant.now());
        System.out.printf("%d acknowledgement deadlines scheduled, the last due at %s; waiting for them to fire%n",
                due.size(), lastDue);

        Instant giveUp = lastDue.plusSeconds(30);
        ConcurrentLinkedQueue<Long> lateness = new ConcurrentLinkedQueue<>();
        AtomicInteger bySweep = new AtomicInteger();
        List<IncidentId> waiting = new ArrayList<>(due.keySet());
        while (!waiting.isEmpty() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(2_000);
            List<IncidentId> still = new ArrayList<>();
            for (IncidentId id : waiting) {
                var overdue = firstOf(store, id, StepOverdue.class, s -> s.step() == Step.ACKNOWLEDGE);
                if (overdue.isPresent()) {
                    lateness.add(Duration.between(overdue.get().getPayload().dueAt(), overdue.get().getTimestamp()).toMillis());
                    if (String.valueOf(overdue.get().getMetaData().get("cause")).startsWith("sweep")) {
                        bySweep.incrementAndGet();
                    }
                } else {
                    still.add(id);
                }
            }
            waiting = still;
        }
        List<Long> sorted = lateness.stream().sorted().toList();
        System.out.println();
        System.out.printf("fired:  %d of %d deadlines (%d of them by the sweep)%n", sorted.size(), due.size(), bySweep.get());
        System.out.printf("missed: %d (not fired 30 s after the last was due) + %d never scheduled%n",
                waiting.size(), ids.size() - due.size());
        if (!sorted.isEmpty()) {
            System.out.printf("lateness (fired minus due): median %d ms, p99 %d ms, max %d ms%n",
                    percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> java.util.Optional<DomainEventMessage<T>> firstOf(EventStore store, IncidentId id, Class<T> type,
            java.util.function.Predicate<T> matching) {
        return store.readEvents(id.toString()).asStream()
                .filter(e -> type.isInstance(e.getPayload()) && matching.test(type.cast(e.getPayload())))
                .map(e -> (DomainEventMessage<T>) e)
                .findFirst();
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
