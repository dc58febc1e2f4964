package nl.incidents.web.signin;

import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Signing people in to the pages, as the backend-for-frontend of the OAuth 2.0 for Browser-Based Apps practice: the
 * authorization code flow with PKCE (S256, also for this confidential client) at the OpenID Provider, the tokens
 * kept in the server-side HTTP session (the browser holds only the session cookie) and refreshed here when they
 * run out, and sign-out that ends the session and then the provider's (RP-initiated logout). Every page but the
 * sign-in page, the stylesheets and health needs a signed-in person; a page opened without one redirects to
 * {@value #SIGN_IN_PAGE}. CSRF protection (Spring's default) covers every state-changing request, sign-out
 * included.
 */
@Configuration(proxyBeanMethods = false)
public class SignInConfiguration {

    /** The sign-in page (inlogpagina). */
    public static final String SIGN_IN_PAGE = "/signin";

    /**
     * The embedded provider's paths. Open to all in this chain, so that with the provider off (production
     * profiles) they answer 404 instead of a redirect to sign-in: there is no provider here to find.
     */
    private static final String[] PROVIDER_PATHS = {"/.well-known/**", "/oauth2/authorize", "/oauth2/token",
            "/oauth2/jwks", "/oauth2/revoke", "/oauth2/introspect", "/userinfo", "/connect/**", "/provider/**"};

    @Bean
    SignInClient signInClient(SignInProperties properties, Environment environment, @Value("${server.port:8080}") int port) {
        return environment.getProperty("incidents.demo.enabled", Boolean.class, false)
                ? SignInClient.embedded(properties, port)
                : SignInClient.ofBoardsProvider(properties);
    }

    /**
     * The provider as a client registration. The embedded provider is this very application, not running yet
     * while it starts, so its endpoints are given here instead of being discovered. The board's provider is
     * discovered at the first sign-in ({@link DiscoveredClientRegistration}), unless its endpoints are given one by
     * one ({@link ProviderEndpoints}).
     */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository(SignInClient client, Environment environment) {
        String issuer = client.issuer();
        if (client.embedded()) {
            return new InMemoryClientRegistrationRepository(registration(client, new ProviderEndpoints(
                    issuer + "/oauth2/authorize", issuer + "/oauth2/token", issuer + "/oauth2/jwks", issuer + "/userinfo",
                    IdTokenClaimNames.SUB, issuer + "/connect/logout")));
        }
        ProviderEndpoints endpoints = ProviderEndpoints.of(environment);
        return endpoints.given()
                ? new InMemoryClientRegistrationRepository(registration(client, endpoints))
                : new DiscoveredClientRegistration(client);
    }

    private static ClientRegistration registration(SignInClient client, ProviderEndpoints endpoints) {
        return ClientRegistration.withRegistrationId(SignInClient.REGISTRATION_ID)
                .clientName("Incidenten")
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(client.scopes())
                .issuerUri(client.issuer())
                .authorizationUri(endpoints.authorizationUri())
                .tokenUri(endpoints.tokenUri())
                .jwkSetUri(endpoints.jwkSetUri())
                .userInfoUri(endpoints.userInfoUri())
                .userNameAttributeName(endpoints.userNameAttribute() != null ? endpoints.userNameAttribute() : IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(endpoints.endSessionUri() == null
                        ? Map.of() : Map.of("end_session_endpoint", endpoints.endSessionUri()))
                .build();
    }

    /** The person's tokens live in their HTTP session: gone with it at sign-out or after the idle timeout. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the person's access token for calls to the services, refreshing it when it has (nearly) run out. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    /**
     * Remembers a page (a GET a browser navigated to, asking for HTML; not a script's, a stylesheet's or an htmx
     * request) asked for before sign-in.
     */
    private static HttpSessionRequestCache pageFirstAskedFor() {
        // What a browser's navigation accepts (text/html); a script's or stylesheet's fetch says */* or its own type.
        MediaTypeRequestMatcher asksForHtml = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        asksForHtml.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        cache.setRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
                asksForHtml,
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest")),
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("HX-Request"))));
        return cache;
    }

    /** The pages' chain: everything the embedded provider's own chain (if any) does not take. */
    @Bean
    SecurityFilterChain pagesSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
                                      OAuth2AuthorizedClientRepository authorizedClients, SignInClient client) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler providerLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        providerLogout.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGN_IN_PAGE, "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        // Health for load balancers and run.sh, metrics for Prometheus (as on the services: no personal data).
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers(PROVIDER_PATHS).permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage(SIGN_IN_PAGE)
                        .failureUrl(SIGN_IN_PAGE + "?error")
                        .authorizationEndpoint(authorization -> authorization.authorizationRequestResolver(withPkce))
                        .authorizedClientRepository(authorizedClients))
                // After sign-in, back to the page first asked for, at its own address (no "?continue" marker).
                .requestCache(cache -> cache.requestCache(pageFirstAskedFor()))
                // POST /logout with the CSRF token (Spring's default): the session ends, then the provider's.
                .logout(logout -> logout.logoutSuccessHandler(providerLogout));
        BrowserSafety.apply(http, client);
        return http.build();
    }
}
