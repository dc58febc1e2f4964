package nl.incidents.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import nl.incidents.support.IncidentsProperties;
import nl.incidents.support.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Which access tokens the services accept, against a real key set served over HTTP: the provider's, for
 * this API, not expired; and that the keys are fetched at the first token, not when the service starts.
 */
class AccessTokensTest {

    private final TestTokens provider = TestTokens.start();

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void theKeysAreFetchedAtTheFirstTokenNotBefore() {
        JwtDecoder decoder = AccessTokens.decoder(signIn(provider.jwkSetUri()));
        assertThat(provider.keyFetches()).isZero();

        Jwt token = decoder.decode(provider.accessToken("teacher"));

        assertThat(token.getSubject()).isEqualTo("teacher");
        assertThat(provider.keyFetches()).isEqualTo(1);
        decoder.decode(provider.accessToken("manager"));
        assertThat(provider.keyFetches()).as("the keys are kept").isEqualTo(1);
    }

    @Test
    void withoutAKeySetAddressTheIssuerIsAskedWhereItsKeysAreAtTheFirstToken() {
        JwtDecoder decoder = AccessTokens.decoder(signIn(""));
        assertThat(provider.discoveries()).isZero();
        assertThat(provider.keyFetches()).isZero();

        assertThat(decoder.decode(provider.accessToken("board")).getSubject()).isEqualTo("board");
        assertThat(provider.discoveries()).isEqualTo(1);
        assertThat(provider.keyFetches()).isEqualTo(1);
    }

    @Test
    void aTokenThatIsExpiredAlteredForgedOfAnotherIssuerOrForAnotherAudienceIsRefused() {
        JwtDecoder decoder = AccessTokens.decoder(signIn(provider.jwkSetUri()));
        // Spring Security's default leeway for clocks that differ is 60 seconds: two minutes is past it.
        assertRefused(decoder, provider.token("teacher").expiresAt(Instant.now().minus(Duration.ofMinutes(2))).sign());
        assertRefused(decoder, provider.token("teacher").tamperedWith("sub", "board"));
        assertRefused(decoder, provider.token("teacher").signedByAnotherKey().sign());
        assertRefused(decoder, provider.token("teacher").issuer("https://login.example.com").sign());
        assertRefused(decoder, provider.token("teacher").audience("another-api").sign());
        assertRefused(decoder, "not a token");
        // Within the leeway the token still counts.
        assertThat(decoder.decode(provider.token("teacher").expiresAt(Instant.now().minusSeconds(20)).sign()).getSubject())
                .isEqualTo("teacher");
    }

    @Test
    void withoutAnIssuerTheServiceDoesNotStartAndSaysWhichVariableToSet() {
        assertThatThrownBy(() -> AccessTokens.decoder(new IncidentsProperties.SignIn("", "", null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INCIDENTS_OIDC_ISSUER")
                .hasMessageContaining("incidents.sign-in.issuer");
    }

    private IncidentsProperties.SignIn signIn(String jwkSetUri) {
        return new IncidentsProperties.SignIn(provider.issuer(), jwkSetUri, TestTokens.AUDIENCE, null);
    }

    private static void assertRefused(JwtDecoder decoder, String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }
}
