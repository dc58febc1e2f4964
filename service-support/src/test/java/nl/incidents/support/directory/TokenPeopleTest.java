package nl.incidents.support.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.incidents.directory.DirectoryProperties;
import nl.incidents.directory.DirectoryProperties.UserProperties;
import nl.incidents.kernel.incident.ActorRole;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who a token names: by e-mail address only when the provider verified that address. */
class TokenPeopleTest {

    private final DirectoryProperties directory = new DirectoryProperties("Stichting Voorbeeld", List.of(), List.of(
            new UserProperties("e0001", "Bestuur", "bestuur@example.nl", ActorRole.BOARD, Set.of(), null, null)));
    private final TokenPeople byEmail = new TokenPeople(directory, "email");

    @Test
    void aVerifiedAddressNamesThePerson() {
        assertThat(byEmail.convert(token(Boolean.TRUE)).getName()).isEqualTo("e0001");
    }

    @Test
    void anAddressTheProviderDidNotVerifySignsNoOneIn() {
        assertThatThrownBy(() -> byEmail.convert(token(Boolean.FALSE))).isInstanceOf(UnknownPersonException.class);
        assertThatThrownBy(() -> byEmail.convert(token(null))).isInstanceOf(UnknownPersonException.class);
    }

    private static Jwt token(Boolean verified) {
        Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone-else")
                .claim("email", "BESTUUR@example.nl").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        if (verified != null) {
            token.claim("email_verified", verified);
        }
        return token.build();
    }
}
