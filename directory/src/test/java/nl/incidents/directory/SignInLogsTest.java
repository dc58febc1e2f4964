package nl.incidents.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.incidents.kernel.logging.Pseudonym;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A failed or refused sign-in is logged with pseudonyms of the account and the address, never what was typed or
 * where it came from: logs carry no personal data (AVG), yet an operator sees that the attempts came from one account.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInLogsTest {

    private static final String ACCOUNT = "tessa.devries@obs-de-esch.nl";
    private static final String ADDRESS = "192.0.2.44";

    private final AuthenticationProvider wrongPassword = new AuthenticationProvider() {
        @Override
        public org.springframework.security.core.Authentication authenticate(
                org.springframework.security.core.Authentication attempt) throws AuthenticationException {
            throw new BadCredentialsException("Bad credentials for " + attempt.getName());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    @Test
    void failedAndRefusedAttemptsAreLoggedByPseudonymOnly(CapturedOutput log) {
        LimitedSignIn signIn = new LimitedSignIn(wrongPassword, new SignInLimiter());
        for (int attempt = 0; attempt < 6; attempt++) {
            UsernamePasswordAuthenticationToken typed = UsernamePasswordAuthenticationToken.unauthenticated(ACCOUNT, "guess");
            typed.setDetails(new WebAuthenticationDetails(ADDRESS, null));
            assertThatThrownBy(() -> signIn.authenticate(typed)).isInstanceOf(AuthenticationException.class);
        }
        assertThat(log.getAll())
                .contains("Sign-in failed for account " + Pseudonym.of(ACCOUNT) + " from address " + Pseudonym.of(ADDRESS))
                .contains("Sign-in refused for account " + Pseudonym.of(ACCOUNT))
                .doesNotContain(ACCOUNT, "tessa", ADDRESS);
    }
}
