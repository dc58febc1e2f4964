package nl.incidents.web.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a multipart form (one that carries a file) from being read before it is known who sends it and where it goes.
 * Only the case page's evidence form ({@code POST /cases/{id}/evidence}) takes one, and only from a person signed in:
 * any other multipart request is answered 415, and an evidence form from someone not signed in 401, before the CSRF
 * check or anything else reads the body. Otherwise anybody could make the web module hold forms of up to
 * {@code INCIDENTS_WEB_MAX_FORM_SIZE} (25 MB) in memory, as many at once as it has threads.
 */
final class FormGuard extends OncePerRequestFilter {

    private static final Pattern EVIDENCE_FORM = Pattern.compile("/cases/[^/]+/evidence");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        if (!"POST".equals(request.getMethod()) || !EVIDENCE_FORM.matcher(request.getRequestURI()).matches()) {
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }
}
