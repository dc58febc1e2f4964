package nl.incidents.web.signin;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The board's OpenID Provider as a client registration, read from its discovery document
 * ({@code <issuer>/.well-known/openid-configuration}) at the first sign-in rather than at start-up: the web module
 * starts, and says so in its health, while the provider is briefly unreachable, and a test of a production profile
 * needs no provider. Once read, the registration is kept; a failed read is tried again at the next sign-in.
 */
final class DiscoveredClientRegistration implements ClientRegistrationRepository {

    private final SignInClient client;
    private volatile ClientRegistration registration;

    DiscoveredClientRegistration(SignInClient client) {
        this.client = client;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!SignInClient.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration found = registration;
        if (found == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discover();
                }
                found = registration;
            }
        }
        return found;
    }

    private ClientRegistration discover() {
        try {
            return ClientRegistrations.fromIssuerLocation(client.issuer())
                    .registrationId(SignInClient.REGISTRATION_ID)
                    .clientId(client.clientId())
                    .clientSecret(client.clientSecret())
                    .scope(client.scopes())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .build();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The OpenID Provider " + client.issuer()
                    + " (INCIDENTS_OIDC_ISSUER) did not describe itself at /.well-known/openid-configuration", e);
        }
    }
}
