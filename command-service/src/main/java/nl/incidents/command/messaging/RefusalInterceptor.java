package nl.incidents.command.messaging;

import nl.incidents.kernel.RequestRefused;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Turns a refusal into a {@link CommandExecutionException} that carries its details, so the sender
 * gets the same answer whether the command was handled in its own process or routed by Axon Server.
 */
@Component
public class RefusalInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RequestRefused refused) {
            throw new CommandExecutionException(refused.getMessage(), refused, refused.details());
        }
    }
}
