package nl.incidents.query.accesslog;

import nl.incidents.support.directory.CurrentActor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link AccessRecording} in front of the reads, after sign-in (a filter registration's default order comes after
 * Spring Security's chain), under the paths of the dossiers and the history. A registration in a configuration rather
 * than a filter component, so that a {@code @WebMvcTest} of one controller does not need the access log's database.
 */
@Configuration(proxyBeanMethods = false)
class AccessLogConfiguration {

    /**
     * @param webClientId the web module's OAuth client ({@code incidents.access-log.web-client-id}, the web module's
     *                    {@code INCIDENTS_OIDC_CLIENT_ID}): a token issued to it marks a read through a page
     */
    @Bean
    FilterRegistrationBean<AccessRecording> accessRecording(AccessLog accessLog, CurrentActor currentActor,
                                                            @Value("${incidents.access-log.web-client-id}") String webClientId) {
        FilterRegistrationBean<AccessRecording> registration =
                new FilterRegistrationBean<>(new AccessRecording(accessLog, currentActor, webClientId));
        registration.addUrlPatterns("/api/incidents/*", "/api/people/*", "/api/dashboard/as-of");
        return registration;
    }
}
