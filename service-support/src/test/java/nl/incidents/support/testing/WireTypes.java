package nl.incidents.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.sql.DataSource;
import nl.incidents.support.IncidentsPropertiesConfiguration;
import nl.incidents.support.axon.AxonConfiguration;
import nl.incidents.support.privacy.PrivacyConfiguration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.MessageHandler;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.ClassUtils;

/**
 * Finds, by scanning the classpath, every type that crosses a message bus, and checks that it survives the
 * serializers the services configure ({@link AxonConfiguration}): so that a new command, event, query or
 * response cannot escape the check by being forgotten in a list.
 */
public final class WireTypes {

    /** What crosses: a message's payload or a handler's response, and the handler it was found at. */
    public record Crossing(String where, Type type) {

        @Override
        public String toString() {
            return type.getTypeName() + " (" + where + ")";
        }
    }

    private WireTypes() {
    }

    /**
     * The payload of every message handler (command, query, event, event sourcing, saga and deadline handlers)
     * in the classes under {@code basePackage}, and the response of every command and query handler.
     */
    public static List<Crossing> handledIn(String basePackage) {
        List<Crossing> crossings = new ArrayList<>();
        for (Class<?> type : classesIn(basePackage, c -> true)) {
            for (Method method : type.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    MessageHandler handler = annotation.annotationType().getAnnotation(MessageHandler.class);
                    if (handler == null && annotation instanceof MessageHandler direct) {
                        handler = direct;
                    }
                    if (handler == null) {
                        continue;
                    }
                    String where = type.getSimpleName() + "." + method.getName();
                    Type payload = payloadType(annotation, method);
                    if (payload != null) {
                        crossings.add(new Crossing(where, payload));
                    }
                    boolean answers = CommandMessage.class.isAssignableFrom(handler.messageType())
                            || QueryMessage.class.isAssignableFrom(handler.messageType());
                    if (answers && method.getReturnType() != void.class) {
                        crossings.add(new Crossing(where + " response", method.getGenericReturnType()));
                    }
                }
            }
        }
        crossings.sort(Comparator.comparing(Crossing::toString));
        return crossings;
    }

    /** The classes under {@code basePackage} that match, nested and abstract ones included. */
    public static List<Class<?>> classesIn(String basePackage, Predicate<Class<?>> matching) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition beanDefinition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        List<Class<?>> classes = new ArrayList<>();
        scanner.findCandidateComponents(basePackage).forEach(definition -> {
            Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), WireTypes.class.getClassLoader());
            if (matching.test(type)) {
                classes.add(type);
            }
        });
        classes.sort(Comparator.comparing(Class::getName));
        return classes;
    }

    private static Type payloadType(Annotation annotation, Method method) {
        try {
            Method declared = annotation.annotationType().getMethod("payloadType");
            Class<?> payloadType = (Class<?>) declared.invoke(annotation);
            if (payloadType != Object.class) {
                return payloadType;
            }
        } catch (NoSuchMethodException none) {
            // this kind of handler names no payload type: its first parameter is the payload
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        if (method.getParameterCount() == 0 || Message.class.isAssignableFrom(method.getParameterTypes()[0])) {
            return null;
        }
        return method.getGenericParameterTypes()[0];
    }

    /** The services' serializers by bean name (serializer, eventSerializer, messageSerializer), as AxonConfiguration makes them. */
    public static Map<String, Serializer> configuredSerializers() {
        AtomicReference<Map<String, Serializer>> found = new AtomicReference<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(IncidentsPropertiesConfiguration.class, AxonConfiguration.class,
                        DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                        FlywayAutoConfiguration.class, PrivacyConfiguration.class))
                // The keys of personal data the event serializer encrypts with, in a database of its own that outlives
                // the context (the serializers are used after it closed).
                .withBean(DataSource.class, () -> new DriverManagerDataSource(
                        "jdbc:h2:mem:wire-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"))
                .withPropertyValues("incidents.axon.token-table=token_entry", "spring.flyway.locations=classpath:db/privacy/h2",
                        "incidents.privacy.master-key=" + TestStore.MASTER_KEY)
                .run(context -> found.set(context.getBeansOfType(Serializer.class)));
        assertThat(found.get()).containsOnlyKeys("serializer", "eventSerializer", "messageSerializer");
        return found.get();
    }

    /** Serializes each sample of the type as the Axon Server connector does (by its runtime type) and reads it back unchanged. */
    public static void assertSurvives(Serializer serializer, Crossing crossing) {
        for (Object sample : MessageSamples.of(crossing.type())) {
            SerializedObject<byte[]> bytes = serializer.serialize(sample, byte[].class);
            Object back = serializer.deserialize(bytes);
            assertThat(back).as("%s read back from %s", crossing, new String(bytes.getData()))
                    .isEqualTo(sample);
            assertKeepsOrder(back, crossing.toString());
        }
    }

    /** A set read back as a plain HashSet equals the original but iterates in another order in every process. */
    private static void assertKeepsOrder(Object value, String path) {
        if (value == null) {
            return;
        }
        assertThat(value.getClass()).as("%s is read back as a HashSet, whose order differs per process", path)
                .isNotEqualTo(HashSet.class);
        if (value instanceof Collection<?> collection) {
            collection.forEach(element -> assertKeepsOrder(element, path + "[]"));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> assertKeepsOrder(element, path + "." + key));
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    assertKeepsOrder(component.getAccessor().invoke(value), path + "." + component.getName());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
