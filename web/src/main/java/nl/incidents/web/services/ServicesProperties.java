package nl.incidents.web.services;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the web module reaches the services, under {@code incidents.web}: the command service
 * ({@code COMMAND_SERVICE_URL}, default {@code http://localhost:8081}) and the query service
 * ({@code QUERY_SERVICE_URL}, default {@code http://localhost:8082}), each as a base URL without a path.
 */
@ConfigurationProperties("incidents.web")
public record ServicesProperties(URI commandServiceUrl, URI queryServiceUrl) {

    public ServicesProperties {
        if (commandServiceUrl == null || queryServiceUrl == null) {
            throw new IllegalStateException("COMMAND_SERVICE_URL and QUERY_SERVICE_URL (incidents.web.command-service-url,"
                    + " incidents.web.query-service-url) must both be set");
        }
    }
}
