package nl.incidents.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The answers Spring Security gives before a request reaches the API, as problem+json: 401 with a
 * Basic challenge without valid credentials, 403 for a role the security rules turn away, and 400 for
 * an address the firewall rejects ({@code ..}, {@code ;}, {@code //}, an encoded {@code %}, a control
 * character), which it would otherwise hand to the servlet container as an exception.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"incidents\"");
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, ProblemResponses.detailFor(HttpStatus.UNAUTHORIZED), null);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemResponses.write(response, HttpStatus.FORBIDDEN, ProblemResponses.detailFor(HttpStatus.FORBIDDEN), null);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "This address is not accepted: a path may not hold"
                + " '..', ';', '//', a backslash, an encoded '%' or '/', or control characters.", null);
    }
}
