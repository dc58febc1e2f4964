package nl.incidents.support.web;

import nl.incidents.support.directory.CurrentActor;
import nl.incidents.kernel.directory.OrganisationDirectory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic sign-in against the organisation directory, no sessions. Health, metrics and the
 * API documentation are open; everything else needs a signed-in member. Every refusal on the way
 * in (no sign-in, a role turned away, an address the firewall rejects) is problem+json.
 */
@AutoConfiguration
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProblems problems) throws Exception {
        return http
                // Stateless Basic authentication with no cookies: there is no session for CSRF to ride on.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // The error page is open so that an error reaches the client as problem+json whoever
                        // asked; asked for directly, it answers 404 (ProblemErrorController).
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /** Also the firewall's {@code RequestRejectedHandler}: Spring Security takes it from the context. */
    @Bean
    SecurityProblems securityProblems() {
        return new SecurityProblems();
    }

    @Bean
    CurrentActor currentActor(OrganisationDirectory directory) {
        return new CurrentActor(directory);
    }
}
