package nl.incidents.web.provider;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import nl.incidents.directory.DirectoryProperties;
import nl.incidents.directory.DirectorySignIn;
import nl.incidents.directory.DirectoryUsers;
import nl.incidents.directory.LimitedSignIn;
import nl.incidents.directory.SignInLimiter;
import nl.incidents.web.signin.BrowserSafety;
import nl.incidents.web.signin.SignInClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The embedded OpenID Provider of the demo (Spring Authorization Server), on exactly when
 * {@code incidents.demo.enabled} is true: the embedded default signs people in through the same OpenID Connect
 * path as production, with the demo school board's users and nothing to install. Its issuer is the web module
 * itself ({@code http://localhost:<port>}); it knows one client, this module ({@code incidents-web}: confidential,
 * authorization code with PKCE S256 required, refresh tokens), signs tokens with an RSA key generated at each start
 * (a restart signs everyone out), and has a sign-in form of its own ({@value #LOGIN_PAGE}) behind the directory's
 * brute-force limit.
 *
 * <p>The provider and the pages run in one servlet context and share the HTTP session, so the provider's chain
 * keeps its signed-in person and its saved request under session keys of its own: signing in at the provider and
 * signing in to the pages never overwrite each other.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "incidents.demo.enabled", havingValue = "true")
public class EmbeddedProviderConfiguration {

    /** The provider's sign-in form (GET shows it, POST signs in). */
    public static final String LOGIN_PAGE = "/provider/login";

    static final String SECURITY_CONTEXT_KEY = "INCIDENTS_PROVIDER_SECURITY_CONTEXT";
    static final String SAVED_REQUEST_KEY = "INCIDENTS_PROVIDER_SAVED_REQUEST";

    /** The {@code aud} of every access token: what the services require (contract: {@code incidents.sign-in.audience}). */
    static final String AUDIENCE = "incidents-api";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain providerSecurity(HttpSecurity http, SignInClient client, DirectoryProperties directory,
                                         SignInLimiter limiter, JWKSource<SecurityContext> keys) throws Exception {
        OAuth2AuthorizationServerConfigurer provider = OAuth2AuthorizationServerConfigurer.authorizationServer();
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(SECURITY_CONTEXT_KEY);
        HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();
        savedRequests.setSessionAttrName(SAVED_REQUEST_KEY);
        http.securityMatcher(new OrRequestMatcher(provider.getEndpointsMatcher(),
                        PathPatternRequestMatcher.withDefaults().matcher(LOGIN_PAGE)))
                .with(provider, server -> server.oidc(oidc -> { })) // OpenID Connect 1.0, RP-initiated logout included
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN_PAGE).permitAll()
                        .anyRequest().authenticated())
                .authenticationProvider(new LimitedSignIn(new DirectorySignIn(new DirectoryUsers(directory)), limiter))
                .formLogin(form -> form.loginPage(LOGIN_PAGE).failureHandler(new ProviderSignInFailures()))
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(savedRequests))
                // A browser that is not signed in at the provider goes to its sign-in form.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                // The user info endpoint takes the provider's own access tokens.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt
                        .decoder(OAuth2AuthorizationServerConfiguration.jwtDecoder(keys))));
        BrowserSafety.apply(http, client);
        return http.build();
    }

    /** The demo school board (incidents/demo-directory.yml). */
    @Bean
    DirectoryProperties directoryProperties(Environment environment) {
        return DirectoryProperties.from(environment);
    }

    @Bean
    SignInLimiter signInLimiter() {
        return new SignInLimiter();
    }

    /** The one client: this web module, with the secret it signs in with. */
    @Bean
    RegisteredClientRepository registeredClientRepository(SignInClient client) {
        return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(client.clientId())
                .clientName("Incidenten")
                .clientSecret(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(client.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(client.issuer() + "/login/oauth2/code/" + SignInClient.REGISTRATION_ID)
                .postLogoutRedirectUri(client.issuer() + "/")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false) // the board's own application: nothing to consent to
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(5))
                        .refreshTokenTimeToLive(Duration.ofHours(8))
                        .reuseRefreshTokens(false)
                        .build())
                .build());
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(SignInClient client) {
        return AuthorizationServerSettings.builder().issuer(client.issuer()).build();
    }

    /**
     * The signing key, new at each start (RS256). Made on a thread of its own beside the start, which does not wait
     * for it: finding RSA's primes took a good part of the module's start-up. A sign-in or a request for the keys
     * that comes before it is done waits for it.
     */
    @Bean
    JWKSource<SecurityContext> jwkSource() {
        CompletableFuture<JWKSet> keys = CompletableFuture.supplyAsync(EmbeddedProviderConfiguration::signingKey,
                task -> {
                    Thread thread = new Thread(task, "provider-signing-key");
                    thread.setDaemon(true);
                    thread.start();
                });
        return (selector, context) -> selector.select(keys.join());
    }

    private static JWKSet signingKey() {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new JWKSet(key);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> directoryClaims(DirectoryProperties directory) {
        return new DirectoryClaims(directory, AUDIENCE);
    }

    /** Pages opened at another name of this machine move to the issuer's (see {@link OneAddress}); before security. */
    @Bean
    FilterRegistrationBean<OneAddress> oneAddress(SignInClient client) {
        FilterRegistrationBean<OneAddress> registration = new FilterRegistrationBean<>(new OneAddress(client.issuer()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Who is signed in where, for the {@code sid} claim and RP-initiated logout; kept current by session events. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
