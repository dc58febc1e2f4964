package nl.incidents.web.signin;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the web module signs people in (inloggen), under {@code incidents.sign-in}: the OpenID Provider's issuer
 * ({@code INCIDENTS_OIDC_ISSUER}; in the embedded default the module itself, {@code http://localhost:<port>}), and
 * this module's client id ({@code INCIDENTS_OIDC_CLIENT_ID}), secret ({@code INCIDENTS_OIDC_CLIENT_SECRET}; generated
 * at each start in the embedded default when empty) and scopes ({@code INCIDENTS_OIDC_SCOPES}, comma-separated).
 * Blank values are read as absent.
 */
@ConfigurationProperties("incidents.sign-in")
public record SignInProperties(String issuer, String clientId, String clientSecret, List<String> scopes) {

    public SignInProperties {
        issuer = blankAsNull(issuer);
        clientId = blankAsNull(clientId);
        clientSecret = blankAsNull(clientSecret);
        scopes = scopes == null ? List.of() : scopes.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "SignInProperties[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "none" : "(set)") + ", scopes=" + scopes + "]";
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
