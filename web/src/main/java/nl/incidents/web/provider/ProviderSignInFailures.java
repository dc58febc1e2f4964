package nl.incidents.web.provider;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.incidents.directory.SignInRefusedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the provider's sign-in form after a failed attempt, saying why: {@code ?refused=<seconds>} when the
 * brute-force limit refused the attempt (the password was not checked), {@code ?error} otherwise. Nothing goes
 * into the session, which the pages share.
 */
final class ProviderSignInFailures implements AuthenticationFailureHandler {

    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String target = exception instanceof SignInRefusedException refused
                ? EmbeddedProviderConfiguration.LOGIN_PAGE + "?refused=" + refused.retryAfter().toSeconds()
                : EmbeddedProviderConfiguration.LOGIN_PAGE + "?error";
        redirects.sendRedirect(request, response, target);
    }
}
