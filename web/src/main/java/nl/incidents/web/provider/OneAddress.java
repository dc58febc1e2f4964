package nl.incidents.web.provider;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In the demo, a page opened at another name of this machine (http://127.0.0.1:8080 for http://localhost:8080) is
 * sent to the same page at the embedded provider's issuer address. The session cookie belongs to one host name and
 * the provider knows one redirect URI, so signing in works at that address only; without this, a person who typed
 * 127.0.0.1 would end at the provider's refusal of an unknown redirect URI. Only pages (GET, HEAD) move; health,
 * metrics and the provider's endpoints (which programs call, following no redirect) answer at any name.
 */
final class OneAddress extends OncePerRequestFilter {

    private static final List<String> ANSWERED_AT_ANY_NAME = List.of("/actuator/", "/.well-known/", "/oauth2/",
            "/userinfo", "/connect/");

    private final String issuer;
    private final String host;

    OneAddress(String issuer) {
        this.issuer = issuer;
        this.host = URI.create(issuer).getHost();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean page = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        String path = request.getRequestURI();
        if (page && !host.equalsIgnoreCase(request.getServerName()) && ANSWERED_AT_ANY_NAME.stream().noneMatch(path::startsWith)) {
            String query = request.getQueryString();
            response.sendRedirect(issuer + path + (query == null ? "" : "?" + query));
            return;
        }
        chain.doFilter(request, response);
    }
}
