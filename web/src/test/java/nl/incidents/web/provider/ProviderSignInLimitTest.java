package nl.incidents.web.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import nl.incidents.directory.ManualClockLimiter;
import nl.incidents.directory.SignInLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The embedded provider's sign-in form and its brute-force limit: a wrong password is refused with a Dutch message;
 * after five wrong ones the account is refused for a while, the right password too (the password is not even
 * checked), with how long to wait; once the wait has passed, the right password signs in. The form needs its CSRF
 * token.
 */
@SpringBootTest(properties = "server.port=18932")
@AutoConfigureMockMvc
class ProviderSignInLimitTest {

    static final ManualClockLimiter CLOCK = new ManualClockLimiter();

    @TestConfiguration
    static class OnAClockTheTestMoves {
        @Bean
        @Primary
        SignInLimiter testLimiter() {
            return CLOCK.limiter();
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void moreFailedAttemptsThanTheLimitAllowsAreRefusedUntilTheWaitHasPassed() throws Exception {
        mvc.perform(post(EmbeddedProviderConfiguration.LOGIN_PAGE).param("username", "manager2").param("password", "demo"))
                .andExpect(status().isForbidden()); // no CSRF token

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(signIn("teacher2", "wrong-" + attempt)).as("attempt %d", attempt).isEqualTo("/provider/login?error");
        }
        mvc.perform(get("/provider/login").param("error", ""))
                .andExpect(content().string(containsString("Gebruikersnaam of wachtwoord onjuist.")));

        String refused = signIn("teacher2", "wrong-6");
        assertThat(refused).isEqualTo("/provider/login?refused=60");
        assertThat(signIn("teacher2", "demo")).as("the right password, still refused").startsWith("/provider/login?refused=");
        mvc.perform(get(refused))
                .andExpect(content().string(containsString("Te veel pogingen; probeer het over 1 minuut opnieuw.")));
        mvc.perform(get("/provider/login?refused=30"))
                .andExpect(content().string(containsString("Te veel pogingen; probeer het over 30 seconden opnieuw.")));
        mvc.perform(get("/provider/login?refused=600").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(content().string(containsString("Too many attempts; try again in 10 minutes.")));

        // Another account is not held up by this one.
        assertThat(signIn("manager2", "demo")).doesNotContain("/provider/login");

        CLOCK.pass(Duration.ofSeconds(60));
        assertThat(signIn("teacher2", "demo")).as("after the wait").doesNotContain("/provider/login");
    }

    /** Posts the provider's form as a browser would (with the CSRF token); where it sends the browser next. */
    private String signIn(String user, String password) throws Exception {
        return mvc.perform(post(EmbeddedProviderConfiguration.LOGIN_PAGE).with(csrf())
                        .param("username", user).param("password", password))
                .andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
    }
}
