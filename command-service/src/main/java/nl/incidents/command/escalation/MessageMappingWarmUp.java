package nl.incidents.command.escalation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import nl.incidents.kernel.incident.IncidentEvent;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Has Jackson build the mapping of everything on the path from a report to its escalation (the
 * events, their metadata, the saga's state, the deadlines) before the service takes its first
 * request. Jackson builds the (de)serializer of a type the first time it meets one, per mapper: the
 * first report and its escalation after a start paid for it, some 100 ms of CPU per mapper, which
 * on a busy machine stretches into seconds.
 */
@Component
class MessageMappingWarmUp implements SmartInitializingSingleton {

    private final List<Serializer> serializers;

    MessageMappingWarmUp(List<Serializer> serializers) {
        this.serializers = serializers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Class<?>> types = new ArrayList<>(List.of(IncidentEvent.class.getPermittedSubclasses()));
        types.addAll(List.of(MetaData.class, EscalationSaga.class, StepDeadline.class));
        for (Serializer serializer : serializers) {
            if (serializer instanceof JacksonSerializer jackson) {
                ObjectMapper mapper = jackson.getObjectMapper();
                for (Class<?> type : types) {
                    mapper.writerFor(type);
                    mapper.readerFor(type);
                }
            }
        }
    }
}
