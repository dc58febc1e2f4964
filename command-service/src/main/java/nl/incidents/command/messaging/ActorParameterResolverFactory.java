package nl.incidents.command.messaging;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import nl.incidents.kernel.incident.Actor;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/**
 * Lets a handler take the {@link Actor} who sent the command as a parameter, read from the
 * command's metadata. A command without an actor is refused: every step must say who took it.
 * Registered as a bean by {@link MessagingConfiguration}, and by the aggregate's test fixture.
 */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int index) {
        if (!Actor.class.equals(parameters[index].getType())) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public Actor resolveParameterValue(Message<?> message) {
                Actor actor = Actor.fromMetaData(message.getMetaData());
                if (actor == null) {
                    throw new IllegalArgumentException(message.getPayloadType().getSimpleName()
                            + " was sent without an actor in its metadata");
                }
                return actor;
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }
}
