package nl.incidents.query;

import java.util.concurrent.CompletionException;
import nl.incidents.support.directory.CurrentActor;
import nl.incidents.kernel.incident.Actor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
