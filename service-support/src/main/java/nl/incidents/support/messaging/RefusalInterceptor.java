package nl.incidents.support.messaging;

import nl.incidents.kernel.RequestRefused;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryMessage;

/**
 * Turns what a command or query handler refuses into the execution exception of its kind carrying
 * serializable details: a {@link RequestRefused} (an unknown case is one too), or a back end that is
 * away ({@link Outages.BackEndAway}). The sender then gets the same answer whether the handler ran in
 * its own process or Axon Server routed the message from another, where only the details travel.
 * One instance serves both buses of a service ({@link MessagingConfiguration}).
 */
public final class RefusalInterceptor implements MessageHandlerInterceptor<Message<?>> {

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (HandlerExecutionException alreadyCarried) {
            throw alreadyCarried;
        } catch (RequestRefused refused) {
            throw carrying(unitOfWork.getMessage(), refused, refused.details());
        } catch (AggregateNotFoundException unknown) {
            RequestRefused refused = RequestRefused.notFound("case.unknown", "There is no incident " + unknown.getAggregateIdentifier() + ".");
            throw carrying(unitOfWork.getMessage(), refused, refused.details());
        } catch (Exception e) {
            if (Outages.backEndAway(e)) {
                throw carrying(unitOfWork.getMessage(), e, new Outages.BackEndAway(Outages.SENTENCE));
            }
            throw e;
        }
    }

    private static HandlerExecutionException carrying(Message<?> message, Throwable cause, Object details) {
        String text = cause.getMessage();
        return message instanceof QueryMessage<?, ?>
                ? new QueryExecutionException(text, cause, details)
                : new CommandExecutionException(text, cause, details);
    }
}
