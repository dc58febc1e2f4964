package nl.incidents.query;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import nl.incidents.support.directory.CurrentActor;
import nl.incidents.kernel.incident.Actor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.scheduler.Schedulers;
import org.springframework.stereotype.Component;

/**
 * Sends a query for the signed-in viewer and waits for the answer, passing a refusal on as it was.
 * Every answer is one record, never a bare list: across Axon Server a list loses its element type.
 */
@Component
public class Queries {

    private final QueryGateway gateway;
    private final CurrentActor currentActor;

    Queries(QueryGateway gateway, CurrentActor currentActor) {
        this.gateway = gateway;
        this.currentActor = currentActor;
    }

    public Actor viewer() {
        return currentActor.get();
    }

    public <R> R one(Object query, Class<R> type) {
        return await(() -> gateway.query(query, ResponseTypes.instanceOf(type)).join());
    }

    /**
     * Subscribes to a query's updates (an Axon subscription query): waits for its initial answer (so that a refusal or
     * an outage is thrown here, as by {@link #one}), then hands each update to {@code updates} on a thread of its own,
     * never on the thread that emitted it (a projection's), so that a slow follower holds up no projection.
     * {@code ended} runs once when the subscription ends by itself (the back end went away, or the follower fell more
     * than {@value #UPDATE_BUFFER} updates behind).
     *
     * @return closes the subscription; closing it twice is harmless
     */
    public <U> AutoCloseable follow(Object query, Class<?> initialType, Class<U> updateType, Consumer<U> updates,
                                    Runnable ended) {
        SubscriptionQueryResult<?, U> result = gateway.subscriptionQuery(query.getClass().getName(), query, ResponseTypes.instanceOf(initialType),
                ResponseTypes.instanceOf(updateType), UPDATE_BUFFER);
        try {
            result.initialResult().block(INITIAL_ANSWER);
        } catch (RuntimeException e) {
            result.cancel();
            Throwable cause = Exceptions.unwrap(e);
            throw cause instanceof RuntimeException runtime ? runtime : e;
        }
        Disposable subscription = result.updates()
                .publishOn(Schedulers.boundedElastic())
                .subscribe(updates, error -> ended.run(), ended);
        return () -> {
            subscription.dispose();
            result.cancel();
        };
    }

    /**
     * How long the viewer's sign-in still holds: the time left on the access token the request came with; empty for
     * a sign-in that does not run out by itself (a password).
     */
    public java.util.Optional<Duration> signedInFor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getCredentials() instanceof AbstractOAuth2Token token
                && token.getExpiresAt() != null) {
            return java.util.Optional.of(Duration.between(Instant.now(), token.getExpiresAt()));
        }
        return java.util.Optional.empty();
    }

    /** Updates a follower may lag behind before its subscription ends. */
    public static final int UPDATE_BUFFER = 256;

    private static final Duration INITIAL_ANSWER = Duration.ofSeconds(10);

    private static <R> R await(java.util.function.Supplier<R> call) {
        try {
            return call.get();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
