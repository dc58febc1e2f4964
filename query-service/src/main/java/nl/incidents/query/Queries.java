package nl.incidents.query;

import java.util.concurrent.CompletionException;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.support.directory.CurrentActor;
import nl.incidents.kernel.incident.Actor;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryMessage;
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

    /**
     * Turns a refusal into a {@link QueryExecutionException} carrying its details, so that the answer
     * is the same whether the query was handled here or routed by Axon Server.
     */
    @Component
    static class RefusalInterceptor implements MessageHandlerInterceptor<QueryMessage<?, ?>> {

        @Override
        public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) throws Exception {
            try {
                return chain.proceed();
            } catch (RequestRefused refused) {
                throw new QueryExecutionException(refused.getMessage(), refused, refused.details());
            }
        }
    }
}
