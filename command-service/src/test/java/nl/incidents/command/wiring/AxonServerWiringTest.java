package nl.incidents.command.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import nl.incidents.command.CommandServiceApplication;
import nl.incidents.support.testing.TestTokens;
import org.axonframework.actuator.HealthStatus;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.AbstractEventStore;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The axonserver profile's wiring, read once every bean exists and before anything connects (there is no
 * Axon Server here; the end-to-end test against a real one is IncidentPathOnAxonServerIT): events, commands
 * and queries go through Axon Server with the kernel's Jackson serializers, and no JDBC event store is
 * left beside it. The datasource is an in-memory H2 instead of the profile's PostgreSQL.
 */
class AxonServerWiringTest {

    @Test
    void eventsCommandsAndQueriesGoThroughAxonServerWithTheKernelsJackson() {
        AtomicReference<Wiring> seen = new AtomicReference<>();
        StopBeforeStart.wiring = seen;
        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandServiceApplication.class, StopBeforeStart.class)
                .profiles("axonserver")
                .run("--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa", "--server.port=0",
                        "--axon.axonserver.servers=localhost:1",
                        "--incidents.demo.enabled=true",
                        "--incidents.sign-in.issuer=" + TestTokens.shared().issuer()))
                .isInstanceOf(StopBeforeStart.Stopped.class);
        Wiring wiring = seen.get();

        assertThat(wiring.eventStore()).isInstanceOf(AxonServerEventStore.class);
        assertThat(wiring.storageEngines()).as("JDBC storage engines").isEmpty();
        assertThat(wiring.commandBuses()).hasAtLeastOneElementOfType(AxonServerCommandBus.class);
        assertThat(wiring.queryBus()).isInstanceOf(AxonServerQueryBus.class);
        assertThat(wiring.flywayLocations()).isEqualTo("classpath:db/command/{vendor},classpath:db/command/common,classpath:db/privacy/{vendor}");
        // Each instance asks Axon Server for one spread of the segments as it starts, which SE does; automatic
        // balancing SE refuses, with a stack trace per processor at every start.
        assertThat(wiring.processorSettings()).containsOnlyKeys("EscalationSagaProcessor", "ledgers", "notifications",
                "erasure-keys-check");
        assertThat(wiring.processorSettings().values()).allSatisfy(processor -> {
            assertThat(processor.getLoadBalancingStrategy()).isEqualTo("threadNumber");
            assertThat(processor.isAutomaticBalancing()).isFalse();
        });

        // One health order, knowing both Axon Server's WARN and parked events: parked events outrank a WARN.
        assertThat(wiring.healthAggregators()).hasSize(1);
        StatusAggregator health = wiring.healthAggregators().values().iterator().next();
        assertThat(health.getAggregateStatus(Set.of(Status.UP, HealthStatus.WARN, new Status("DEGRADED"))).getCode())
                .isEqualTo("DEGRADED");
        assertThat(health.getAggregateStatus(Set.of(Status.UP, HealthStatus.WARN))).isEqualTo(HealthStatus.WARN);

        for (Serializer serializer : wiring.serializers().values()) {
            assertThat(serializer).isInstanceOf(JacksonSerializer.class);
            assertThat(((JacksonSerializer) serializer).getObjectMapper()).isNotSameAs(wiring.webMapper());
        }
        AbstractEventStorageEngine engine = storageEngineOf((AxonServerEventStore) wiring.eventStore());
        // The engine wraps them to read Axon Server's metadata format: the serializers inside are the kernel's.
        assertThat(engine.getEventSerializer()).extracting("delegate").isSameAs(wiring.serializers().get("eventSerializer"));
        assertThat(engine.getSnapshotSerializer()).extracting("delegate").isSameAs(wiring.serializers().get("serializer"));
    }

    /** What the context holds once every bean exists. */
    record Wiring(EventStore eventStore, Collection<EventStorageEngine> storageEngines, Collection<CommandBus> commandBuses,
                  QueryBus queryBus, Map<String, Serializer> serializers, ObjectMapper webMapper, String flywayLocations,
                  Map<String, AxonServerConfiguration.Eventhandling.ProcessorSettings> processorSettings,
                  Map<String, StatusAggregator> healthAggregators) {
    }

    private static AbstractEventStorageEngine storageEngineOf(AxonServerEventStore eventStore) {
        try {
            Method storageEngine = AbstractEventStore.class.getDeclaredMethod("storageEngine");
            storageEngine.setAccessible(true);
            return (AbstractEventStorageEngine) storageEngine.invoke(eventStore);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the context for the test, then stops the start-up before Axon's lifecycle would connect. */
    @Configuration(proxyBeanMethods = false)
    static class StopBeforeStart {

        static AtomicReference<Wiring> wiring;

        static class Stopped extends RuntimeException {
            Stopped() {
                super("stopped before the lifecycle starts");
            }
        }

        @Bean
        SmartInitializingSingleton stopBeforeStart(ApplicationContext applicationContext) {
            return () -> {
                wiring.set(new Wiring(applicationContext.getBean(EventStore.class),
                        applicationContext.getBeansOfType(EventStorageEngine.class).values(),
                        applicationContext.getBeansOfType(CommandBus.class).values(),
                        applicationContext.getBean(QueryBus.class),
                        applicationContext.getBeansOfType(Serializer.class),
                        applicationContext.getBean(ObjectMapper.class),
                        applicationContext.getEnvironment().getProperty("spring.flyway.locations"),
                        applicationContext.getBean(AxonServerConfiguration.class).getEventhandling().getProcessors(),
                        applicationContext.getBeansOfType(StatusAggregator.class)));
                throw new Stopped();
            };
        }
    }
}
