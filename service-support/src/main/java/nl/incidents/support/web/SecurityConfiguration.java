package nl.incidents.support.web;

import nl.incidents.directory.DirectoryProperties;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.support.IncidentsProperties;
import nl.incidents.support.directory.CurrentActor;
import nl.incidents.support.directory.TokenPeople;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call the services: a member of the board's directory, signed in with an access token of the
 * board's OpenID provider ({@code Authorization: Bearer}, see {@link AccessTokens} and {@link TokenPeople}),
 * or, only while the demo school board is on ({@code incidents.demo.enabled}), with user name and password
 * (HTTP Basic, behind the brute-force limit). No sessions, no cookies. Health, metrics and the API
 * documentation are open; everything else needs a signed-in member. Every refusal on the way in (no
 * sign-in, a person the directory does not know, a role turned away, too many password attempts, an
 * address the firewall rejects) is problem+json ({@link SecurityProblems}).
 */
@AutoConfiguration
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProblems problems, JwtDecoder accessTokens,
                                    TokenPeople people, Environment environment) throws Exception {
        http
                // Stateless sign-in with no cookies: there is no session for CSRF to ride on.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // The error page is open so that an error reaches the client as problem+json whoever
                        // asked; asked for directly, it answers 404 (ProblemErrorController).
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(tokens -> tokens
                        .jwt(jwt -> jwt.decoder(accessTokens).jwtAuthenticationConverter(people))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (passwordsOn(environment)) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        return http.build();
    }

    /** Also the firewall's {@code RequestRejectedHandler}: Spring Security takes it from the context. */
    @Bean
    SecurityProblems securityProblems(Environment environment) {
        return new SecurityProblems(passwordsOn(environment));
    }

    /** The board's provider's access tokens; no key is fetched before the first token comes in. */
    @Bean
    JwtDecoder accessTokens(IncidentsProperties properties) {
        return AccessTokens.decoder(properties.signIn());
    }

    /** The person an access token names, by {@code incidents.sign-in.person-claim}. */
    @Bean
    TokenPeople tokenPeople(DirectoryProperties directory, IncidentsProperties properties) {
        return new TokenPeople(directory, properties.signIn().personClaim());
    }

    @Bean
    CurrentActor currentActor(OrganisationDirectory directory) {
        return new CurrentActor(directory);
    }

    @Bean
    SignedInMemberController signedInMemberController(OrganisationDirectory directory, CurrentActor actor) {
        return new SignedInMemberController(directory, actor);
    }

    /** Password sign-in (HTTP Basic) exists only beside the demo school board, for the README's curl walk. */
    static boolean passwordsOn(Environment environment) {
        return environment.getProperty("incidents.demo.enabled", Boolean.class, false);
    }
}
