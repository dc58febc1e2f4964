package nl.incidents.support.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import nl.incidents.directory.SignInRefusedException;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.PersonId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** Where the organisation directory comes from, and that the demo never hides a real one. */
class DirectoryConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DirectoryConfiguration.class));

    @Test
    void theDemoSchoolBoardSignsInWithItsDemoPassword() {
        context.withPropertyValues("incidents.demo.enabled=true").run(c -> {
            OrganisationDirectory directory = c.getBean(OrganisationDirectory.class);
            assertThat(directory.schools()).extracting("id").containsExactly("school-1", "school-2");
            assertThat(directory.managerOf("school-2").orElseThrow().id()).isEqualTo(new PersonId("manager2"));
            AuthenticationProvider signIn = c.getBean(AuthenticationProvider.class);
            assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("board", "demo"))
                    .isAuthenticated()).isTrue();
            assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("board", "Demo")))
                    .isInstanceOf(BadCredentialsException.class);
        });
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedWithoutBeingChecked() {
        context.withPropertyValues("incidents.demo.enabled=true").run(c -> {
            AuthenticationProvider signIn = c.getBean(AuthenticationProvider.class);
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("comms", "guess")))
                        .isInstanceOf(BadCredentialsException.class);
            }
            assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("comms", "demo")))
                    .isInstanceOfSatisfying(SignInRefusedException.class,
                            // One more attempt a minute: the wait is what is left of the minute (five bcrypts took some).
                            refused -> assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60)));
            // Another account is not held up by this one.
            assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("board", "demo"))
                    .isAuthenticated()).isTrue();
        });
    }

    @Test
    void aConfiguredDirectoryIsUsedWithoutTheDemo() {
        context.withPropertyValues(
                "incidents.directory.name=Stichting Voorbeeld",
                "incidents.directory.schools[0].id=obs-1", "incidents.directory.schools[0].name=OBS 1",
                "incidents.directory.schools[0].region=MIDDLE",
                "incidents.directory.users[0].id=e1000", "incidents.directory.users[0].name=M",
                "incidents.directory.users[0].role=MANAGER", "incidents.directory.users[0].schools[0]=obs-1",
                "incidents.directory.users[1].id=e0001", "incidents.directory.users[1].name=B",
                "incidents.directory.users[1].role=BOARD").run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBean(OrganisationDirectory.class).managerOf("obs-1").orElseThrow().id().value()).isEqualTo("e1000");
            assertThat(c.getBean(OrganisationDirectory.class).member(new PersonId("teacher"))).isEmpty();
        });
    }

    @Test
    void theDemoNeverStandsInForAConfiguredDirectory() {
        context.withPropertyValues("incidents.demo.enabled=true", "incidents.directory.name=Stichting Voorbeeld",
                "incidents.directory.schools[0].id=obs-1").run(c -> assertThat(c).hasFailed()
                .getFailure().hasStackTraceContaining("Both the demo school board"));
    }

    @Test
    void withoutADirectoryTheServiceDoesNotStart() {
        context.run(c -> assertThat(c).hasFailed().getFailure().hasStackTraceContaining("No organisation directory"));
    }
}
