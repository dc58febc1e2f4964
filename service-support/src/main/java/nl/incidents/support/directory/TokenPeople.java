package nl.incidents.support.directory;

import java.util.List;
import nl.incidents.directory.DirectoryProperties;
import nl.incidents.kernel.logging.Pseudonym;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The person behind a valid access token, found in the board's directory by the configured claim
 * ({@code incidents.sign-in.person-claim}; see {@link DirectoryProperties#identifiedBy}). The signed-in
 * name becomes the directory user's id, so {@link CurrentActor} and every event record the person as the
 * directory knows them, whatever the token calls them; the authority is the directory's role
 * ({@code ROLE_STAFF}, ...), never one from the token. A token that names nobody, or names nobody in the
 * directory, signs no one in: {@link UnknownPersonException} (answered 403). With {@code email} as the claim,
 * the token must also say {@code email_verified: true}: an address the provider did not verify is one the
 * person typed.
 */
public class TokenPeople implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Logger log = LoggerFactory.getLogger(TokenPeople.class);

    private final DirectoryProperties directory;
    private final String claim;

    /**
     * @param directory the board's directory
     * @param claim     the claim that identifies a person ({@code sub}, {@code oid}, {@code email}, ...)
     */
    public TokenPeople(DirectoryProperties directory, String claim) {
        this.directory = directory;
        this.claim = claim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        Object raw = token.getClaims().get(claim);
        // An address the provider has not verified is one the person typed: it proves nothing
        // (OpenID Connect Core, section 5.1: email_verified).
        boolean unverifiedAddress = "email".equals(claim) && !Boolean.TRUE.equals(token.getClaims().get("email_verified"));
        if (unverifiedAddress) {
            log.warn("A valid token of {} names a person by an e-mail address the provider has not verified;"
                    + " it signs no one in", token.getIssuer());
        }
        String value = raw instanceof String text && !unverifiedAddress ? text : null;
        return directory.identifiedBy(claim, value)
                .map(user -> new JwtAuthenticationToken(token,
                        List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())), user.id()))
                .orElseThrow(() -> {
                    // A pseudonym, not the value: logs carry no personal data. The person reads on the start page
                    // that the directory does not know them, and gives the board's administrator their own value.
                    log.warn("A valid token of {} names a person the directory does not know: {} {}",
                            token.getIssuer(), claim, Pseudonym.of(value));
                    return new UnknownPersonException(claim);
                });
    }
}
