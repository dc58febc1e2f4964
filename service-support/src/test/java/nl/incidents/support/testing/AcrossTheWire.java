package nl.incidents.support.testing;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.RemoteExceptionDescription;
import org.axonframework.messaging.RemoteHandlingException;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Test-only: in every Spring-context test, each command and query crosses the message serializer the way it
 * crosses Axon Server, so that what would break on Axon Server breaks the embedded tests too. Before the
 * handler sees a message, its payload and metadata are serialized and read back; a handler's result is
 * serialized with its runtime type (a query's after the handler side's conversion to the response type, as
 * the query bus does) and read back before the sender sees it; and a handler's exception reaches the sender
 * as Axon Server delivers it: a {@link CommandExecutionException} or {@link QueryExecutionException} with
 * only a description of the original and its details serialized and read back.
 * <p>
 * Every Spring Boot test of a module with this test-jar on its classpath picks it up (the test-jar's
 * {@code AutoConfiguration.imports}); it uses the {@code messageSerializer} the services configure, as the
 * Axon Server connector does. What it does not imitate: the event store (the embedded store serializes
 * events itself) and failures at commit, after the handler returned.
 */
@AutoConfiguration
public class AcrossTheWire {

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> commandsAcrossTheWire(
            @Qualifier("messageSerializer") Serializer serializer) {
        return new Commands(new Wire(serializer));
    }

    @Bean
    MessageHandlerInterceptor<QueryMessage<?, ?>> queriesAcrossTheWire(
            @Qualifier("messageSerializer") Serializer serializer) {
        return new Queries(new Wire(serializer));
    }

    /** Outermost of the handler interceptors, so that it sees what the others turned a failure into. */
    static final class Commands implements MessageHandlerInterceptor<CommandMessage<?>>, Ordered {

        private final Wire wire;

        Commands(Wire wire) {
            this.wire = wire;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            ((UnitOfWork) unitOfWork).transformMessage(m -> {
                CommandMessage<?> command = (CommandMessage<?>) m;
                return new GenericCommandMessage<>(wire.message(command), command.getCommandName());
            });
            Object result;
            try {
                result = chain.proceed();
            } catch (Exception e) {
                throw new CommandExecutionException(wire.description(e), wire.remote(e), wire.details(e));
            }
            return wire.roundTrip(result);
        }

        @Override
        public int getOrder() {
            return HIGHEST_PRECEDENCE;
        }
    }

    /** As {@link Commands}, for queries. */
    static final class Queries implements MessageHandlerInterceptor<QueryMessage<?, ?>>, Ordered {

        private final Wire wire;

        Queries(Wire wire) {
            this.wire = wire;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) throws Exception {
            ((UnitOfWork) unitOfWork).transformMessage(m -> {
                QueryMessage<?, ?> query = (QueryMessage<?, ?>) m;
                return new GenericQueryMessage<>(wire.message(query), query.getQueryName(), query.getResponseType());
            });
            Object result;
            try {
                result = chain.proceed();
            } catch (Exception e) {
                throw new QueryExecutionException(wire.description(e), wire.remote(e), wire.details(e));
            }
            // Converted on the handler's side as the query bus does before it sends the response.
            return wire.roundTrip(unitOfWork.getMessage().getResponseType().convert(result));
        }

        @Override
        public int getOrder() {
            return HIGHEST_PRECEDENCE;
        }
    }

    /** Serializes and reads back, as the Axon Server connector does on either side of the wire. */
    record Wire(Serializer serializer) {

        Object roundTrip(Object value) {
            if (value == null) {
                return null;
            }
            SerializedObject<byte[]> bytes = serializer.serialize(value, byte[].class);
            return serializer.deserialize(bytes);
        }

        <T> Message<Object> message(Message<T> message) {
            Map<String, Object> metaData = new HashMap<>();
            // Axon Server carries text, numbers and booleans as they are, anything else serialized.
            message.getMetaData().forEach((key, value) -> metaData.put(key,
                    value instanceof String || value instanceof Number || value instanceof Boolean ? value : roundTrip(value)));
            return new GenericMessage<>(message.getIdentifier(), roundTrip(message.getPayload()), MetaData.from(metaData));
        }

        String description(Throwable e) {
            return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        }

        RemoteHandlingException remote(Throwable e) {
            return new RemoteHandlingException(RemoteExceptionDescription.describing(e));
        }

        Object details(Throwable e) {
            return HandlerExecutionException.resolveDetails(e).map(this::roundTrip).orElse(null);
        }
    }
}
