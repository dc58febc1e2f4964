package nl.incidents.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import nl.incidents.support.testing.ResolvedSettings;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/**
 * Each profile section of the command service's {@code application.yml} takes effect as Spring
 * resolves it (no context started): the embedded default on H2 with the demo board, {@code postgres}
 * on PostgreSQL without it, {@code axonserver} with the postgres section's database and Axon Server.
 */
class ProfileSettingsTest {

    @Test
    void theEmbeddedDefaultKeepsEverythingInH2WithTheDemoBoard() {
        StandardEnvironment settings = ResolvedSettings.of();
        assertThat(settings.getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:./data/incidents;WRITE_DELAY=0");
        assertThat(settings.getProperty("incidents.demo.enabled")).isEqualTo("true");
        assertThat(settings.getProperty("axon.axonserver.enabled")).isEqualTo("false");
    }

    @Test
    void postgresStoresEventsInPostgresqlWithoutTheDemoBoard() {
        StandardEnvironment settings = ResolvedSettings.of("postgres");
        assertThat(settings.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://localhost:5432/incidents");
        assertThat(settings.getProperty("spring.datasource.hikari.connection-timeout")).isEqualTo("2000");
        assertThat(settings.getProperty("spring.flyway.locations")).startsWith("classpath:db/eventstore/{vendor}");
        assertThat(settings.getProperty("incidents.demo.enabled")).isEqualTo("false");
        assertThat(settings.getProperty("axon.axonserver.enabled")).isEqualTo("false");
    }

    @Test
    void axonserverSendsEventsToAxonServerAndKeepsTheRestInPostgresql() {
        StandardEnvironment settings = ResolvedSettings.of("axonserver");
        assertThat(settings.getProperty("axon.axonserver.enabled")).isEqualTo("true");
        assertThat(settings.getProperty("axon.axonserver.servers")).isEqualTo("localhost:8124");
        assertThat(settings.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://localhost:5432/incidents");
        assertThat(settings.getProperty("spring.flyway.locations")).doesNotContain("eventstore");
        assertThat(settings.getProperty("incidents.demo.enabled")).isEqualTo("false");
        assertThat(settings.getProperty(
                "axon.axonserver.eventhandling.processors.EscalationSagaProcessor.load-balancing-strategy"))
                .isEqualTo("threadNumber");
    }

    @Test
    void theEmbeddedDefaultTrustsTheWebModulesProviderAndTheProductionProfilesTheBoardsOwn() {
        StandardEnvironment embedded = ResolvedSettings.of();
        assertThat(embedded.getProperty("incidents.sign-in.issuer")).isEqualTo("http://localhost:8080");
        assertThat(embedded.getProperty("incidents.sign-in.jwk-set-uri")).isEqualTo("http://localhost:8080/oauth2/jwks");
        assertThat(embedded.getProperty("incidents.sign-in.audience")).isEqualTo("incidents-api");
        assertThat(embedded.getProperty("incidents.sign-in.person-claim")).isEqualTo("sub");
        for (String profile : new String[] {"postgres", "axonserver"}) {
            StandardEnvironment production = ResolvedSettings.of(profile);
            // Empty: the service refuses to start, naming INCIDENTS_OIDC_ISSUER; no key set address: discovered.
            assertThat(production.getProperty("incidents.sign-in.issuer")).as(profile).isEmpty();
            assertThat(production.getProperty("incidents.sign-in.jwk-set-uri")).as(profile).isEmpty();
            assertThat(production.getProperty("incidents.sign-in.audience")).as(profile).isEqualTo("incidents-api");
        }
    }

    @Test
    void mailsGoOutInDutchUnlessTheBoardSaysOtherwise() {
        for (String profile : new String[] {null, "postgres", "axonserver"}) {
            StandardEnvironment settings = profile == null ? ResolvedSettings.of() : ResolvedSettings.of(profile);
            assertThat(settings.getProperty("incidents.notifications.language")).as(String.valueOf(profile)).isEqualTo("nl");
        }
    }
}
