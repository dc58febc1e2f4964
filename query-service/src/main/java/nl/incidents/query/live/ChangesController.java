package nl.incidents.query.live;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.query.Queries;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in member's live stream (live-updates): {@code GET /api/changes} answers {@code text/event-stream} and
 * stays open, sending {@code event: case-changed} with a case's id whenever a case the member may read changes, and
 * {@code event: inbox-changed} whenever a notice reaches their inbox (see {@link LiveChanges}). A comment line every
 * {@link #HEARTBEAT} keeps proxies from closing a quiet stream and finds a follower that went away. A stream ends
 * after {@link #LONGEST} (the client opens a new one), and at most {@value #STREAMS_PER_PERSON} streams per person are
 * open on one instance at a time (one per open page, so a person may keep a few pages open); one more is 429
 * problem+json. When the service stops, every open stream is ended first, so that the web server's graceful shutdown
 * does not wait its whole timeout for streams that never end by themselves; the clients open new ones.
 */
@RestController
class ChangesController implements SmartLifecycle {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration LONGEST = Duration.ofMinutes(30);
    static final int STREAMS_PER_PERSON = 8;

    private final Queries queries;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();
    private final Set<SseEmitter> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "live-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    ChangesController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The signed-in member's live stream of changes (server-sent events)",
            description = "Stays open. event: case-changed, data: the id of a case the member may read that changed; "
                    + "event: inbox-changed: a notice reached the member's inbox. A comment line every 15 s. Ends after "
                    + "30 minutes or when the access token runs out: open it again. At most " + STREAMS_PER_PERSON
                    + " open streams per person (429 beyond).")
    SseEmitter changes() {
        Actor viewer = queries.viewer();
        String person = viewer.id().value();
        if (open.merge(person, 1, Integer::sum) > STREAMS_PER_PERSON) {
            release(person);
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
                    "At most " + STREAMS_PER_PERSON + " live streams per person are open at once; close a page first.");
        }
        Duration lasts = queries.signedInFor().filter(left -> left.compareTo(LONGEST) < 0).orElse(LONGEST);
        SseEmitter emitter = new SseEmitter(Math.max(lasts.toMillis(), 1));
        AtomicBoolean over = new AtomicBoolean();
        AutoCloseable[] following = new AutoCloseable[1];
        ScheduledFuture<?>[] beat = new ScheduledFuture<?>[1];
        streams.add(emitter);
        Runnable cleanUp = () -> {
            streams.remove(emitter);
            if (over.compareAndSet(false, true)) {
                if (beat[0] != null) {
                    beat[0].cancel(false);
                }
                close(following[0]);
                release(person);
            }
        };
        emitter.onCompletion(cleanUp);
        emitter.onError(error -> cleanUp.run());
        emitter.onTimeout(emitter::complete);
        try {
            following[0] = queries.follow(new FollowChanges(viewer), Following.class, Change.class,
                    change -> send(emitter, change, cleanUp), () -> {
                        cleanUp.run();
                        emitter.complete();
                    });
        } catch (RuntimeException e) {
            cleanUp.run();
            throw e;
        }
        beat[0] = heartbeats.scheduleAtFixedRate(() -> comment(emitter, cleanUp), HEARTBEAT.toMillis(),
                HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        comment(emitter, cleanUp); // the headers go out now: the client knows the stream stands
        return emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream (its subscription is closed as it completes). */
    @Override
    public void stop() {
        running = false;
        List.copyOf(streams).forEach(SseEmitter::complete);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before everything else, the web server's graceful shutdown included. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private void release(String person) {
        open.computeIfPresent(person, (key, count) -> count > 1 ? count - 1 : null);
    }

    private static void send(SseEmitter emitter, Change change, Runnable cleanUp) {
        try {
            emitter.send(SseEmitter.event().name(change.event()).data(change.data()));
        } catch (IOException | IllegalStateException gone) {
            cleanUp.run();
            emitter.completeWithError(gone);
        }
    }

    private static void comment(SseEmitter emitter, Runnable cleanUp) {
        try {
            emitter.send(SseEmitter.event().comment("live"));
        } catch (IOException | IllegalStateException gone) {
            cleanUp.run();
            emitter.completeWithError(gone);
        }
    }

    private static void close(AutoCloseable following) {
        if (following != null) {
            try {
                following.close();
            } catch (Exception ignored) {
                // closing a subscription that already ended
            }
        }
    }
}
