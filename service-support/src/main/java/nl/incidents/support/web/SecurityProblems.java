package nl.incidents.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.incidents.directory.SignInRefusedException;
import nl.incidents.support.directory.UnknownPersonException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The answers Spring Security gives before a request reaches the API, as problem+json:
 * <ul>
 *   <li>401 without a valid sign-in, with {@code WWW-Authenticate: Bearer} (and {@code Basic} while
 *       password sign-in is on): no access token, one that is expired, altered, of another issuer or for
 *       another audience ({@code error="invalid_token"}), a wrong password, or a password where password
 *       sign-in is off;</li>
 *   <li>403 for a valid token of someone the directory does not know, and for a role the security rules
 *       turn away;</li>
 *   <li>429 with {@code Retry-After} (seconds) after too many password attempts for the account or from
 *       the address (the password was not checked);</li>
 *   <li>400 for an address the firewall rejects ({@code ..}, {@code ;}, {@code //}, an encoded {@code %},
 *       a control character), which it would otherwise hand to the servlet container as an exception.</li>
 * </ul>
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final String BEARER_CHALLENGE = "Bearer realm=\"incidents\"";
    static final String BASIC_CHALLENGE = "Basic realm=\"incidents\"";

    private final boolean passwords;

    /** @param passwords whether HTTP Basic sign-in with the directory's passwords is on (the demo only) */
    SecurityProblems(boolean passwords) {
        this.passwords = passwords;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInRefusedException refused) {
            long seconds = refused.retryAfter().toSeconds();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many sign-in attempts for this account"
                    + " or from this address: the password was not checked. Try again in " + seconds + " seconds.", null);
            return;
        }
        if (e instanceof UnknownPersonException) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, "sign-in.unknown-person", "You are signed in, but this school board's directory"
                    + " does not know you: ask the board's administrator to add you.", null);
            return;
        }
        String detail;
        if (e instanceof OAuth2AuthenticationException) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE
                    + ", error=\"invalid_token\", error_description=\"The access token is not accepted\"");
            detail = "The access token is not accepted: it has expired, was not issued by the board's sign-in for"
                    + " this service, or has been altered. Sign in again.";
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
            if (passwords) {
                response.addHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
            }
            detail = detail(request, e);
        }
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, detail, null);
    }

    private String detail(HttpServletRequest request, AuthenticationException e) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && passwords) {
            return "The user name or password is wrong.";
        }
        if (basic) {
            return "Signing in with a user name and password is not possible here: sign in with the board's sign-in"
                    + " and send its access token as 'Authorization: Bearer <token>'.";
        }
        return passwords
                ? "Sign in: send your access token as 'Authorization: Bearer <token>', or in this demo your user name"
                        + " and password (HTTP Basic)."
                : "Sign in: send the access token of the board's sign-in as 'Authorization: Bearer <token>'.";
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemResponses.write(response, HttpStatus.FORBIDDEN, ProblemResponses.detailFor(HttpStatus.FORBIDDEN), null);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "request.address", "This address is not accepted: a path may not hold"
                + " '..', ';', '//', a backslash, an encoded '%' or '/', or control characters.", null);
    }
}
