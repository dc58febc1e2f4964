package nl.incidents.command.messaging;

import nl.incidents.kernel.RequestRefused;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Turns a refusal into a {@link CommandExecutionException} that carries its details, so the sender
 * gets the same answer whether the command was handled in its own process or routed by Axon Server.
 * A command for an incident that does not exist is refused the same way: Axon Server passes on only
 * an exception's details, never its type.
 */
@Component
public class RefusalInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RequestRefused refused) {
            throw asDetails(refused);
        } catch (AggregateNotFoundException unknown) {
            throw asDetails(RequestRefused.notFound("There is no incident " + unknown.getAggregateIdentifier() + "."));
        }
    }

    private static CommandExecutionException asDetails(RequestRefused refused) {
        return new CommandExecutionException(refused.getMessage(), refused, refused.details());
    }
}
