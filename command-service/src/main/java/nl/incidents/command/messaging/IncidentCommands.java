package nl.incidents.command.messaging;

import nl.incidents.kernel.incident.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/** Sends a command on behalf of an actor, and waits until it is decided and its events are stored. */
@Component
public class IncidentCommands {

    private final CommandGateway gateway;

    public IncidentCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, Actor actor) {
        return send(command, actor, MetaData.emptyInstance());
    }

    public <R> R send(Object command, Actor actor, MetaData extra) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(extra)
                .andMetaData(actor.asMetaData()));
    }
}
