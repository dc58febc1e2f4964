package nl.incidents.support.web;

import java.time.Duration;
import nl.incidents.support.IncidentsProperties;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestOperations;
import org.springframework.web.client.RestTemplate;

/**
 * How both services read an access token (toegangstoken): a JWT signed by one of the keys the board's
 * OpenID provider publishes, whose {@code iss} is the configured issuer, whose {@code aud} holds the
 * configured audience, and that has not expired ({@code exp}, and {@code nbf} when present, with Spring
 * Security's default leeway of 60 seconds for clocks that differ).
 *
 * <p>The keys are fetched at the first token, never at start-up, so a service starts before the provider
 * does (in the embedded default the provider is the web module): from {@code incidents.sign-in.jwk-set-uri},
 * or when that is empty from the {@code jwks_uri} of the issuer's {@code /.well-known/openid-configuration},
 * looked up at the first token too (and again at the next token while it fails). Nimbus keeps the keys and
 * fetches them again for a token signed with a key it does not know (a rotated key). Each fetch may take at
 * most 5 seconds to connect and 5 to answer.
 *
 * <p>Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.*} settings are not used: an empty
 * {@code jwk-set-uri} there still counts as set, so "empty: discover from the issuer" cannot be said with them.
 */
final class AccessTokens {

    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private AccessTokens() {
    }

    /**
     * The decoder for {@code signIn}'s provider.
     *
     * @throws IllegalStateException at start-up when no issuer is configured (naming {@code INCIDENTS_OIDC_ISSUER})
     */
    static JwtDecoder decoder(IncidentsProperties.SignIn signIn) {
        String issuer = signIn.requiredIssuer();
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(issuer), new JwtAudienceValidator(signIn.audience()));
        RestOperations rest = rest();
        if (StringUtils.hasText(signIn.jwkSetUri())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(signIn.jwkSetUri()).restOperations(rest).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).restOperations(rest).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    private static RestOperations rest() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(FETCH_TIMEOUT);
        requests.setReadTimeout(FETCH_TIMEOUT);
        return new RestTemplate(requests);
    }
}
