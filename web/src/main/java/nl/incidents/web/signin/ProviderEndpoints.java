package nl.incidents.web.signin;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The board's OpenID Provider's endpoints given one by one, in Spring Boot's own client settings
 * ({@code spring.security.oauth2.client.provider.incidents.*}: authorization-uri, token-uri, jwk-set-uri, user-info-uri,
 * user-name-attribute), plus where RP-initiated logout goes ({@code incidents.sign-in.end-session-uri},
 * {@code INCIDENTS_OIDC_END_SESSION_URI}). For a set-up where the browser and the web module reach the provider at
 * different addresses (a container network), so its discovery document cannot serve both. When the authorization,
 * token and key set endpoints are not all given, the provider is discovered from its issuer instead.
 */
record ProviderEndpoints(String authorizationUri, String tokenUri, String jwkSetUri, String userInfoUri,
                         String userNameAttribute, String endSessionUri) {

    static final String PREFIX = "spring.security.oauth2.client.provider." + SignInClient.REGISTRATION_ID;

    static ProviderEndpoints of(Environment environment) {
        Binder binder = Binder.get(environment);
        return new ProviderEndpoints(
                binder.bind(PREFIX + ".authorization-uri", String.class).orElse(null),
                binder.bind(PREFIX + ".token-uri", String.class).orElse(null),
                binder.bind(PREFIX + ".jwk-set-uri", String.class).orElse(null),
                binder.bind(PREFIX + ".user-info-uri", String.class).orElse(null),
                binder.bind(PREFIX + ".user-name-attribute", String.class).orElse(null),
                binder.bind("incidents.sign-in.end-session-uri", String.class).orElse(null));
    }

    ProviderEndpoints {
        authorizationUri = blankAsNull(authorizationUri);
        tokenUri = blankAsNull(tokenUri);
        jwkSetUri = blankAsNull(jwkSetUri);
        userInfoUri = blankAsNull(userInfoUri);
        userNameAttribute = blankAsNull(userNameAttribute);
        endSessionUri = blankAsNull(endSessionUri);
    }

    /** Whether the endpoints the code flow needs are all given (then nothing is discovered). */
    boolean given() {
        return authorizationUri != null && tokenUri != null && jwkSetUri != null;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
