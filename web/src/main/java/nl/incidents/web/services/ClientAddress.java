package nl.incidents.web.services;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Passes the browser's address on to the query service, which records it in its access log (inzagelog) for every
 * dossier and history a page reads: in {@value #HEADER}, the address this module itself knows the browser by
 * ({@code getRemoteAddr()}: the TCP peer, or the {@code X-Forwarded-For} of a proxy named in
 * {@code INCIDENTS_TRUSTED_PROXIES}). The query service believes the header only on a request whose access token was
 * issued to this module's own client, which no browser holds; from anyone else it is ignored. A call made outside a
 * page's request (the live relay's) carries none.
 */
public final class ClientAddress implements ClientHttpRequestInterceptor {

    /** The header's name, as the query service reads it. */
    public static final String HEADER = "X-Incidents-Client-Address";

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws java.io.IOException {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes page) {
            HttpServletRequest browser = page.getRequest();
            request.getHeaders().set(HEADER, browser.getRemoteAddr());
        }
        return execution.execute(request, body);
    }
}
