package nl.incidents.web.provider;

import java.util.List;
import nl.incidents.directory.DirectoryProperties;
import nl.incidents.directory.DirectoryProperties.UserProperties;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The embedded provider's claims: every access token is for the services ({@code aud} = the API audience, instead
 * of Spring Authorization Server's default, the client id, which {@code client_id} names instead), and the ID token names the person as the directory
 * knows them ({@code name}, {@code email}, {@code preferred_username} = the directory id, which is also the
 * {@code sub} of both tokens).
 */
final class DirectoryClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final DirectoryProperties directory;
    private final String audience;

    DirectoryClaims(DirectoryProperties directory, String audience) {
        this.directory = directory;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims().audience(List.of(audience));
            // Which client holds the token (RFC 9068, section 2.2): the query service records a read with this
            // module's client as one through a page, and believes the browser address it forwards.
            context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
        } else if (ID_TOKEN.equals(context.getTokenType())) {
            String id = context.getPrincipal().getName();
            context.getClaims().claim(StandardClaimNames.PREFERRED_USERNAME, id);
            directory.users().stream().filter(user -> user.id().equals(id)).findFirst().ifPresent(user -> named(context, user));
        }
    }

    private static void named(JwtEncodingContext context, UserProperties user) {
        if (user.name() != null) {
            context.getClaims().claim(StandardClaimNames.NAME, user.name());
        }
        if (user.email() != null) {
            context.getClaims().claim(StandardClaimNames.EMAIL, user.email());
        }
    }
}
