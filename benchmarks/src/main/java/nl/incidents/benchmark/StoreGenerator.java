package nl.incidents.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.incidents.command.CommandServiceApplication;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.incident.AcknowledgeEscalation;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.AgreeResponseStrategy;
import nl.incidents.kernel.incident.CloseIncident;
import nl.incidents.kernel.incident.DeclinePoliceReport;
import nl.incidents.kernel.incident.FileWithPolice;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.ImposeMeasure;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.NotifyCommunicationsDepartment;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.RecordCorrespondence;
import nl.incidents.kernel.incident.RecordPoliceReportOutcome;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A large, realistic store for the rebuild, page and start-up benchmarks: {@code cases} cases of the demo board's two
 * schools, and about {@code events} events in all, written as the command service writes them. It runs the command
 * service in this JVM (its web server on a free port, unused) and sends every step through its own command gateway, from many threads: the
 * aggregate checks each step, the events are chained and their personal fields encrypted with per-case keys exactly as
 * in production, and nothing of the services' internals is copied here.
 *
 * <p>The command service's event processors (the escalation saga, the ledgers) are stopped at once (a report escalates
 * itself to the school's manager in its own unit of work, so nothing is missing), and at the end the generator moves every processor's token to the head of the
 * store, as a service that had kept up with the history would have it. So no durable deadlines are pending for these
 * cases and nothing catches up on them when the services start; the query service's projections are left to be built
 * (the rebuild benchmark's subject).
 *
 * <p>Each case: reported by the school's teacher with one to three involved pupils, parents, staff or outsiders (from a
 * pool of 2,000 people per school, so people recur across cases), escalated to the school's manager; then, by chance as
 * a school board's cases go: acknowledged (92 %), a strategy agreed and the communications department informed (85 %), the
 * board's police decision on a possibly criminal harm (filed or declined, sometimes concluded), a measure (light by the
 * manager, heavy by the board), correspondence, and closed (65 %); about 10 events. Further correspondence in each
 * case (and, if still short, on random open cases) fills the store up to {@code events}.
 *
 * <p>Each case's commands run nested in one unit of work with one transaction: the case is loaded once and its events
 * are appended, chained and committed together. The aggregate still decides every step; only the round trips of a
 * command per transaction, which the throughput benchmark measures, are left out.
 */
final class StoreGenerator {

    /** What was written: cases, events in the store, how long it took, steps refused by the aggregate (by message). */
    record Generated(int cases, long events, Duration took, Map<String, Integer> refusals) {

        double eventsPerSecond() {
            return events / (took.toNanos() / 1e9);
        }
    }

    /** A case still open after its plan, with a person involved in it (for correspondence to fill the store up). */
    private record Open(IncidentId id, PersonId party) {
    }

    private static final java.util.regex.Pattern UUID_TEXT =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Events per case the plan below writes on average, besides the correspondence that fills up to {@code events}. */
    private static final double PLANNED_EVENTS_PER_CASE = 10.1;

    private static final String[] SCHOOLS = {"school-1", "school-2"};
    private static final Actor[] TEACHERS = {staff("teacher"), staff("teacher2")};
    private static final Actor[] MANAGERS = {new Actor(new PersonId("manager"), ActorRole.MANAGER),
            new Actor(new PersonId("manager2"), ActorRole.MANAGER)};
    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);
    private static final int PEOPLE_PER_SCHOOL = 2_000;

    private StoreGenerator() {
    }

    /**
     * Fills the store, which must be fresh: the embedded H2 file in {@code INCIDENTS_DATA_DIR} (no service may have it
     * open) or the PostgreSQL database the store names.
     */
    static Generated generate(BenchStore store, int cases, long events, int threads) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0", // the service cannot start without its web layer; nobody calls it
                "--incidents.demo.enabled=true",
                "--logging.level.root=WARN"));
        store.serviceEnvironment().forEach((name, value) -> {
            if (!name.equals("INCIDENTS_H2_PORT") && !name.equals("INCIDENTS_DEMO")) {
                arguments.add("--" + property(name) + "=" + value);
            }
        });
        if (!store.isPostgres()) {
            arguments.add("--incidents.h2.port=0"); // nobody else reads it while it is written
        }
        long started = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandServiceApplication.class)
                .run(arguments.toArray(String[]::new));
        try {
            System.out.printf("  the command service started in %.1f s%n", (System.nanoTime() - started) / 1e9);
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            IncidentCommands commands = context.getBean(IncidentCommands.class);
            DataSource dataSource = context.getBean(DataSource.class);
            Map<String, Integer> refusals = new ConcurrentHashMap<>();
            List<Open> open = Collections.synchronizedList(new ArrayList<>());
            TransactionManager transactions = context.getBean(TransactionManager.class);
            double extra = Math.max(0, (double) events / cases - PLANNED_EVENTS_PER_CASE);
            AtomicInteger done = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int i = 0; i < cases; i++) {
                int number = i;
                pool.execute(() -> {
                    // One unit of work and transaction per case: its commands run nested in it, so the case is loaded
                    // once and its events are appended, chained and committed together, as one batch.
                    DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                    unitOfWork.attachTransaction(transactions);
                    try {
                        oneCase(commands, number, extra, refusals, open);
                        unitOfWork.commit();
                    } catch (RuntimeException e) {
                        if (unitOfWork.isActive()) {
                            unitOfWork.rollback(e);
                        }
                        refused(refusals, "case not written: ", e);
                    }
                    int n = done.incrementAndGet();
                    if (n % 10_000 == 0) {
                        System.out.printf("  %,d cases written (%.0f s)%n", n, (System.nanoTime() - started) / 1e9);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(7, TimeUnit.DAYS);
            long stored = count(dataSource);
            long missing = events - stored;
            System.out.printf("  %,d cases, %,d events in %.1f s; %,d more events of correspondence to come%n", cases, stored,
                    (System.nanoTime() - started) / 1e9, Math.max(0, missing));
            if (missing > 0 && !open.isEmpty()) {
                fillWithCorrespondence(commands, open, missing, threads, refusals);
                stored = count(dataSource);
            }
            long head = head(dataSource);
            int tokens = tokensToHead(dataSource, head);
            System.out.printf("  the command service's %d token rows moved to the head (%d)%n", tokens, head);
            return new Generated(cases, stored, Duration.ofNanos(System.nanoTime() - started), refusals);
        } finally {
            context.close();
        }
    }

    private static void refused(Map<String, Integer> refusals, String prefix, Throwable e) {
        String message = UUID_TEXT.matcher(String.valueOf(e.getMessage())).replaceAll("{id}");
        refusals.merge(prefix + message.substring(0, Math.min(120, message.length())), 1, Integer::sum);
    }

    private static void oneCase(IncidentCommands commands, int number, double extra, Map<String, Integer> refusals,
                                List<Open> open) {
        SplittableRandom random = new SplittableRandom(number * 7919L + 13);
        int school = random.nextInt(10) < 6 ? 0 : 1;
        IncidentId id = IncidentId.random();
        Actor manager = MANAGERS[school];
        Set<Harm> harms = EnumSet.noneOf(Harm.class);
        Harm[] all = Harm.values();
        harms.add(all[random.nextInt(all.length)]);
        if (random.nextInt(3) == 0) {
            harms.add(all[random.nextInt(all.length)]);
        }
        List<InvolvedParty> parties = parties(random, school);
        Severity severity = Severity.values()[Math.min(3, random.nextInt(5))];
        Platform[] platforms = Platform.values();
        try {
            commands.send(new ReportDerailingDiscussion(id, SCHOOLS[school], platforms[random.nextInt(platforms.length)],
                    "https://example.org/discussions/" + number, "Case " + number + ": a discussion about the school "
                    + "threatens to derail; parents and pupils join in.", random.nextBoolean() ? Stage.DERAILED : Stage.THREATENING,
                    harms, severity, parties, Instant.now().minus(Duration.ofMinutes(5 + random.nextInt(2_000)))), TEACHERS[school]);
            // The report escalates itself to the school's manager, in its own unit of work.
            if (random.nextInt(100) < 8) {
                return; // waits for the manager
            }
            commands.send(new AcknowledgeEscalation(id, "Seen; I call the reporter today."), manager);
            InvolvedParty party = parties.get(0);
            if (random.nextInt(100) < 8) {
                open.add(new Open(id, party.personId()));
                return;
            }
            ResponseStrategy[] strategies = ResponseStrategy.values();
            commands.send(new AgreeResponseStrategy(id, EnumSet.of(strategies[random.nextInt(strategies.length)],
                    strategies[random.nextInt(strategies.length)]), "No reaction online; a conversation at school."), manager);
            commands.send(new NotifyCommunicationsDepartment(id, "For your information: a derailing discussion."), manager);
            if (harms.stream().anyMatch(Harm::possiblyCriminal)) {
                if (random.nextBoolean()) {
                    commands.send(new FileWithPolice(id, "Threat (art. 285 Sr)", "PL" + (100_000 + number)), BOARD);
                    if (random.nextBoolean()) {
                        commands.send(new RecordPoliceReportOutcome(id, "Suspect heard; case dismissed."), BOARD);
                    }
                } else {
                    commands.send(new DeclinePoliceReport(id, "Not serious enough to report."), BOARD);
                }
            }
            if (random.nextInt(100) < 30 && party.role() != PartyRole.OUTSIDER) {
                boolean heavy = random.nextInt(100) < 15;
                Measure measure = heavy ? Measure.SUSPENSION : Measure.WARNING;
                commands.send(new ImposeMeasure(id, party.personId(), measure, "What was written online."), heavy ? BOARD : manager);
            }
            int letters = (random.nextInt(100) < 40 ? 1 : 0) + (int) extra + (random.nextDouble() < extra % 1 ? 1 : 0);
            for (int l = 0; l < letters; l++) {
                commands.send(new RecordCorrespondence(id, party.personId(), "Letter about the conversation at school."), manager);
            }
            if (random.nextInt(100) < 71) {
                commands.send(new CloseIncident(id, "Talked it through; the posts were removed."), manager);
            } else {
                open.add(new Open(id, party.personId()));
            }
        } catch (RuntimeException refused) {
            refused(refusals, "", refused); // the steps before it stay; the case's further steps are left out
        }
    }

    private static List<InvolvedParty> parties(SplittableRandom random, int school) {
        List<InvolvedParty> parties = new ArrayList<>();
        Set<String> named = new java.util.HashSet<>();
        int count = 1 + random.nextInt(3);
        for (int p = 0; p < count; p++) {
            PartyRole role = PartyRole.values()[random.nextInt(PartyRole.values().length)];
            String person = role.name().toLowerCase() + "-" + (school + 1) + "-" + random.nextInt(PEOPLE_PER_SCHOOL);
            if (named.add(person)) {
                parties.add(new InvolvedParty(new PersonId(person), role, p == 0 ? Part.AUTHOR
                        : random.nextBoolean() ? Part.TARGET : Part.BYSTANDER));
            }
        }
        return parties;
    }

    /** One CorrespondenceRecorded each, on random handled cases, until {@code missing} more events are stored. */
    private static void fillWithCorrespondence(IncidentCommands commands, List<Open> open, long missing, int threads,
                                               Map<String, Integer> refusals) throws InterruptedException {
        AtomicLong left = new AtomicLong(missing);
        AtomicLong refused = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int seed = t;
            pool.execute(() -> {
                Random random = new Random(seed);
                while (left.get() > 0 && refused.get() < missing) {
                    Open one = open.get(random.nextInt(open.size()));
                    try {
                        commands.send(new RecordCorrespondence(one.id(), one.party(), "Mail to the parents."), BOARD);
                        left.decrementAndGet();
                    } catch (RuntimeException e) {
                        refused.incrementAndGet();
                        refused(refusals, "correspondence: ", e);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(7, TimeUnit.DAYS);
        System.out.printf("  correspondence: %,d recorded, %,d refused%n", missing - left.get(), refused.get());
    }

    private static long count(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long head(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(global_index) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Every token of the command service's processors at the head, with no gaps: the token Axon's JDBC store gives a
     * processor that has handled everything up to {@code head} (Jackson JSON of its {@code GapAwareTrackingToken}).
     */
    private static int tokensToHead(DataSource dataSource, long head) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE command_token_entry SET token = ?, token_type = ?, owner = NULL")) {
            update.setBytes(1, ("{\"index\":" + head + ",\"gaps\":[]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            update.setString(2, "org.axonframework.eventhandling.GapAwareTrackingToken");
            return update.executeUpdate();
        }
    }

    /** INCIDENTS_DATA_DIR -> incidents.data-dir and the like: the environment as Spring properties. */
    private static String property(String environmentVariable) {
        return switch (environmentVariable) {
            case "INCIDENTS_DATA_DIR" -> "incidents.data-dir";
            case "INCIDENTS_H2_PORT" -> "incidents.h2.port";
            case "INCIDENTS_MASTER_KEY" -> "incidents.privacy.master-key";
            case "INCIDENTS_OIDC_ISSUER" -> "incidents.sign-in.issuer";
            case "SPRING_PROFILES_ACTIVE" -> "spring.profiles.active";
            default -> environmentVariable.toLowerCase().replace('_', '.');
        };
    }

    private static Actor staff(String id) {
        return new Actor(new PersonId(id), ActorRole.STAFF);
    }

    /** Standalone: fills a fresh store and prints what it wrote; {@code cases=}, {@code events=}, {@code threads=}. */
    public static void main(String[] args) throws Exception {
        Args options = Args.parse(args, "cases", "events", "threads", "postgres", "data");
        int cases = options.integer("cases", 100_000);
        long events = options.number("events", 10L * cases);
        int threads = options.integer("threads", 8);
        try (BenchStore store = options.has("postgres") ? BenchStore.postgres(options.get("postgres"), false)
                : BenchStore.embedded(options.has("data") ? java.nio.file.Path.of(options.get("data"))
                : java.nio.file.Files.createTempDirectory("generated-store"))) {
            Generated generated = generate(store, cases, events, threads);
            describe(store, generated);
        }
        System.exit(0);
    }

    static void describe(BenchStore store, Generated generated) {
        System.out.printf("%s: %,d cases, %,d events written in %.1f s (%.0f events/s)%s%n", store.label(), generated.cases(),
                generated.events(), generated.took().toMillis() / 1000.0, generated.eventsPerSecond(),
                store.isPostgres() ? "" : " into " + store.serviceEnvironment().get("INCIDENTS_DATA_DIR"));
        if (!generated.refusals().isEmpty()) {
            System.out.println("  steps the aggregate refused (the case's further steps were left out): "
                    + generated.refusals().entrySet().stream().map(e -> e.getValue() + " x " + e.getKey())
                    .collect(Collectors.joining("; ")));
        }
    }
}
