package nl.incidents.web.signin;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * This module as a client of the OpenID Provider, settled at start-up: the issuer (an absolute http(s) URL without a
 * trailing slash), the client id and secret, and the scopes it asks for. {@code embedded} says the provider is this
 * module's own (the demo); then the secret may have been generated for this run.
 */
public record SignInClient(String issuer, String clientId, String clientSecret, List<String> scopes, boolean embedded) {

    /** The Spring Security client registration id: the sign-in starts at {@code /oauth2/authorization/incidents}. */
    public static final String REGISTRATION_ID = "incidents";

    static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");

    /**
     * The client of the embedded provider: the configured issuer or {@code http://localhost:<port>}, and the
     * configured secret or a random one of 256 bits.
     */
    static SignInClient embedded(SignInProperties properties, int port) {
        String issuer = properties.issuer() != null ? properties.issuer() : "http://localhost:" + port;
        String secret = properties.clientSecret();
        if (secret == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        return new SignInClient(withoutTrailingSlash(checked(issuer)), clientIdOf(properties), secret, scopesOf(properties), true);
    }

    /**
     * The client of the board's own provider (production profiles).
     *
     * @throws IllegalStateException naming the environment variable when the issuer or the secret is missing
     */
    static SignInClient ofBoardsProvider(SignInProperties properties) {
        if (properties.issuer() == null) {
            throw new IllegalStateException("INCIDENTS_OIDC_ISSUER (incidents.sign-in.issuer) is not set: without the demo"
                    + " (INCIDENTS_DEMO=false, as in the postgres and axonserver profiles) people sign in with the board's own"
                    + " OpenID Provider; set it to that provider's issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0");
        }
        if (properties.clientSecret() == null) {
            throw new IllegalStateException("INCIDENTS_OIDC_CLIENT_SECRET (incidents.sign-in.client-secret) is not set: the web"
                    + " module signs in at " + properties.issuer() + " as a confidential client; set it to the secret the"
                    + " provider gave client '" + clientIdOf(properties) + "'");
        }
        return new SignInClient(withoutTrailingSlash(checked(properties.issuer())), clientIdOf(properties),
                properties.clientSecret(), scopesOf(properties), false);
    }

    /** The issuer's origin ({@code scheme://host[:port]}), for the Content-Security-Policy's form-action. */
    public String issuerOrigin() {
        URI uri = URI.create(issuer);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String clientIdOf(SignInProperties properties) {
        return properties.clientId() != null ? properties.clientId() : "incidents-web";
    }

    private static List<String> scopesOf(SignInProperties properties) {
        return properties.scopes().isEmpty() ? DEFAULT_SCOPES : properties.scopes();
    }

    private static String checked(String issuer) {
        URI uri;
        try {
            uri = URI.create(issuer);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("INCIDENTS_OIDC_ISSUER (incidents.sign-in.issuer) is not a URL: " + issuer, e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalStateException("INCIDENTS_OIDC_ISSUER (incidents.sign-in.issuer) must be an http(s) URL with a host: " + issuer);
        }
        return issuer;
    }

    private static String withoutTrailingSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    @Override
    public String toString() {
        return "SignInClient[issuer=" + issuer + ", clientId=" + clientId + ", scopes=" + scopes + ", embedded=" + embedded + "]";
    }
}
