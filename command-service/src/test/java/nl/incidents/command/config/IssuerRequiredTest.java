package nl.incidents.command.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import nl.incidents.command.CommandServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A production profile without the board's provider does not start, and says which variable to set. */
class IssuerRequiredTest {

    @Test
    void withoutIncidentsOidcIssuerThePostgresProfileDoesNotStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandServiceApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa", "--server.port=0", "--incidents.demo.enabled=true",
                        // As when INCIDENTS_OIDC_ISSUER is not set (ProfileSettingsTest: then it is empty).
                        "--incidents.sign-in.issuer="))
                .hasStackTraceContaining("The setting incidents.sign-in.issuer (environment variable INCIDENTS_OIDC_ISSUER)"
                        + " is required");
    }
}
