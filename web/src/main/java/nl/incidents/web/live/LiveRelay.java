package nl.incidents.web.live;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import nl.incidents.web.services.ServicesProperties;
import nl.incidents.web.signin.SignInClient;
import nl.incidents.kernel.logging.Pseudonym;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Relays the query service's live stream ({@code GET /api/changes}, server-sent events) to one browser connection,
 * with the person's access token: one upstream connection per open page, which a school board's few hundred people
 * at a time allow (read without a thread per connection: {@link HttpClient}'s lines are pushed as they come). Only
 * the events {@value #CASE_CHANGED} and {@value #INBOX_CHANGED} and the heartbeat comments pass; a browser that went
 * away is found at the next heartbeat and its upstream connection closed.
 *
 * <p>The query service ends a stream when the access token it was opened with runs out; the relay then takes the
 * person's token again from the {@link OAuth2AuthorizedClientManager} (which refreshes it, as for every other call to
 * the services) and opens a new upstream stream, while the browser's stays open. When the person is no longer signed
 * in (signed out, the session ended, the refresh refused) or the query service refuses the stream (401, 403, 429),
 * the browser's stream ends; the page's SSE extension tries again later. When the query service does not answer, the
 * relay tries again after 1, 2, 4... up to 30 seconds, while the browser's stream stays open. A change in the moment
 * between two upstream streams is not relayed; the next one is.
 *
 * <p>When the module stops, every open stream is ended first (before the web server's graceful shutdown, which would
 * otherwise wait its whole timeout for streams that never end by themselves); the pages' SSE extension reconnects to
 * whichever instance answers next.
 */
@Component
public class LiveRelay implements DisposableBean, SmartLifecycle {

    static final String CASE_CHANGED = "case-changed";
    static final String INBOX_CHANGED = "inbox-changed";
    private static final Set<String> RELAYED = Set.of(CASE_CHANGED, INBOX_CHANGED);
    /** How long a browser's stream stays open at most; its SSE extension then opens a new one. */
    static final Duration LONGEST = Duration.ofMinutes(30);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(LiveRelay.class);

    private final OAuth2AuthorizedClientManager authorizedClients;
    private final URI changes;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "live-relay");
        thread.setDaemon(true);
        return thread;
    });

    LiveRelay(OAuth2AuthorizedClientManager authorizedClients, ServicesProperties services) {
        this.authorizedClients = authorizedClients;
        this.changes = services.queryServiceUrl().resolve("/api/changes");
    }

    /** Opens the browser's stream, for at most {@code atMost} (and {@link #LONGEST}), and its first upstream stream. */
    SseEmitter open(Authentication person, HttpServletRequest request, HttpServletResponse response, Duration atMost) {
        SseEmitter browser = new SseEmitter(Math.min(LONGEST.toMillis(), Math.max(1000, atMost.toMillis())));
        Connection connection = new Connection(person, request, response, browser);
        open.add(connection);
        browser.onCompletion(connection::end);
        browser.onTimeout(() -> {
            connection.end();
            browser.complete();
        });
        browser.onError(error -> connection.end());
        connection.connect(Duration.ZERO);
        return browser;
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream, browser and upstream side, so that the graceful shutdown has nothing to wait for. */
    @Override
    public void stop() {
        running = false;
        for (Connection connection : List.copyOf(open)) {
            connection.end();
            connection.browser.complete();
        }
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

    /** One browser connection and its current upstream stream. */
    private final class Connection {

        private final Authentication person;
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final SseEmitter browser;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicReference<Flow.Subscription> upstream = new AtomicReference<>();

        Connection(Authentication person, HttpServletRequest request, HttpServletResponse response, SseEmitter browser) {
            this.person = person;
            this.request = request;
            this.response = response;
            this.browser = browser;
        }

        void end() {
            open.remove(this);
            if (ended.compareAndSet(false, true)) {
                Flow.Subscription subscription = upstream.getAndSet(null);
                if (subscription != null) {
                    subscription.cancel();
                }
            }
        }

        /** Opens an upstream stream with the person's current token, now or after {@code wait}. */
        void connect(Duration wait) {
            if (ended.get()) {
                return;
            }
            if (!wait.isZero()) {
                retries.schedule(() -> connect(Duration.ZERO), wait.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            String token;
            try {
                token = token();
            } catch (RuntimeException signedOut) {
                log.debug("No access token for the live stream of {}: {}", Pseudonym.of(person.getName()), signedOut.toString());
                finish();
                return;
            }
            if (token == null) {
                finish();
                return;
            }
            HttpRequest call = HttpRequest.newBuilder(changes)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream")
                    .GET().build();
            Lines lines = new Lines(this, wait);
            http.sendAsync(call, info -> {
                lines.status = info.statusCode();
                return info.statusCode() == 200
                        ? HttpResponse.BodySubscribers.fromLineSubscriber(lines)
                        : HttpResponse.BodySubscribers.replacing(null);
            }).whenComplete((answer, failure) -> {
                if (failure != null) {
                    lines.failed(failure);
                } else if (answer.statusCode() != 200) {
                    lines.refused(answer.statusCode());
                }
            });
        }

        /** The person's access token, refreshed by the manager when it has run out; null when there is none. */
        private String token() {
            OAuth2AuthorizedClient client = authorizedClients.authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(SignInClient.REGISTRATION_ID)
                    .principal(person)
                    .attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), response)
                    .build());
            return client == null ? null : client.getAccessToken().getTokenValue();
        }

        void finish() {
            end();
            try {
                browser.complete();
            } catch (RuntimeException alreadyOver) {
                // the browser's stream ended meanwhile
            }
        }

        /** Passes an event or a comment on; false when the browser has gone. */
        boolean relay(SseEmitter.SseEventBuilder event) {
            if (ended.get()) {
                return false;
            }
            try {
                browser.send(event);
                return true;
            } catch (IOException | IllegalStateException gone) {
                end();
                browser.completeWithError(gone);
                return false;
            }
        }
    }

    /** One upstream stream's lines, read as server-sent events. */
    private final class Lines implements Flow.Subscriber<String> {

        private final Connection connection;
        private final Duration lastWait;
        private final long opened = System.nanoTime();
        volatile int status;
        private String event;
        private final StringBuilder data = new StringBuilder();
        private boolean heard;

        Lines(Connection connection, Duration lastWait) {
            this.connection = connection;
            this.lastWait = lastWait;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            if (connection.ended.get()) {
                subscription.cancel();
                return;
            }
            Flow.Subscription earlier = connection.upstream.getAndSet(subscription);
            if (earlier != null) {
                earlier.cancel();
            }
            if (connection.ended.get()) {
                subscription.cancel();
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            heard = true;
            if (line.isEmpty()) {
                if (event != null && RELAYED.contains(event) && !data.isEmpty()) {
                    connection.relay(SseEmitter.event().name(event).data(data.toString()));
                }
                event = null;
                data.setLength(0);
            } else if (line.startsWith(":")) {
                connection.relay(SseEmitter.event().comment(line.substring(1).strip()));
            } else if (line.startsWith("event:")) {
                event = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring("data:".length()).strip());
            }
        }

        @Override
        public void onError(Throwable failure) {
            failed(failure);
        }

        @Override
        public void onComplete() {
            // The query service ended the stream (the token ran out, or its longest time): a new one at once,
            // unless it ended as soon as it began (then after a second, never in a tight loop).
            if (status == 200) {
                boolean brief = System.nanoTime() - opened < Duration.ofSeconds(1).toNanos();
                connection.connect(brief ? Duration.ofSeconds(1) : Duration.ZERO);
            }
        }

        void failed(Throwable failure) {
            if (connection.ended.get()) {
                return;
            }
            // Away, or the connection broke: tell the browser we are still here (this finds a browser that went),
            // then try again, waiting longer each time the query service did not answer at all.
            if (!connection.relay(SseEmitter.event().comment("reconnecting"))) {
                return;
            }
            Duration wait = heard ? Duration.ofSeconds(1)
                    : lastWait.isZero() ? Duration.ofSeconds(1) : min(lastWait.multipliedBy(2), LONGEST_WAIT);
            log.debug("The live stream of {} broke ({}); again in {}", Pseudonym.of(connection.person.getName()), failure.toString(), wait);
            connection.connect(wait);
        }

        void refused(int statusCode) {
            log.debug("The query service refused the live stream of {}: {}", Pseudonym.of(connection.person.getName()), statusCode);
            if (statusCode >= 500) {
                failed(new IOException("status " + statusCode));
            } else {
                connection.finish();
            }
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) < 0 ? a : b;
        }
    }
}
