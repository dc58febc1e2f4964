package nl.incidents.support.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A stand-in for the board's OpenID provider in tests: an RSA key of its own, published as a JWK set
 * ({@code /jwks}) with a discovery document ({@code /.well-known/openid-configuration}) by a JDK
 * {@link HttpServer} on a random loopback port, and access tokens signed with that key (RS256), as the
 * embedded provider and Entra ID issue them: {@code iss}, {@code aud} {@value #AUDIENCE}, {@code sub},
 * {@code iat}, {@code exp} five minutes on. Each token can be spoiled the way the services must refuse:
 * expired, another issuer, another audience, signed by another key, or altered after signing.
 *
 * <p>{@link #shared()} is one provider for the whole test JVM, which {@link TestStore#register} points every
 * service test's context at; {@link #start()} a provider of one's own (close it), e.g. to count how often
 * a service fetches its keys.
 */
public final class TestTokens implements AutoCloseable {

    /** The audience the services expect by default. */
    public static final String AUDIENCE = "incidents-api";

    private static TestTokens shared;

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;
    private final AtomicInteger keyFetches = new AtomicInteger();
    private final AtomicInteger discoveries = new AtomicInteger();

    private TestTokens() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/test-provider";
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwkSetUri() + "\","
                + "\"authorization_endpoint\":\"" + issuer + "/authorize\",\"token_endpoint\":\"" + issuer + "/token\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        server.createContext("/test-provider/jwks", exchange -> answer(exchange, keyFetches, jwks));
        server.createContext("/test-provider/.well-known/openid-configuration",
                exchange -> answer(exchange, discoveries, discovery));
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "test-provider");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The provider every service test's context trusts (see {@link TestStore#register}); started at the first call. */
    public static synchronized TestTokens shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** A provider of one's own, with its own key and port. */
    public static TestTokens start() {
        try {
            return new TestTokens();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer identifier, the {@code iss} of its tokens: {@code http://127.0.0.1:<port>/test-provider}. */
    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/jwks";
    }

    /** How often the key set has been fetched. */
    public int keyFetches() {
        return keyFetches.get();
    }

    /** How often the discovery document has been fetched. */
    public int discoveries() {
        return discoveries.get();
    }

    /** The services' settings for trusting this provider's tokens ({@code incidents.sign-in.*}). */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("incidents.sign-in.issuer", issuer);
        settings.put("incidents.sign-in.jwk-set-uri", jwkSetUri());
        settings.put("incidents.sign-in.audience", AUDIENCE);
        return settings;
    }

    /** Puts {@link #settings()} in a test's context. */
    public void register(DynamicPropertyRegistry registry) {
        settings().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** A valid token for {@code subject} (its {@code sub}), to spoil or sign. */
    public Token token(String subject) {
        return new Token(subject);
    }

    /** A valid signed access token for {@code subject}. */
    public String accessToken(String subject) {
        return token(subject).sign();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, AtomicInteger count, String json) throws IOException {
        count.incrementAndGet();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** One access token as it is being made. */
    public final class Token {

        private final JWTClaimsSet.Builder claims;
        private RSAKey signingKey = key;

        private Token(String subject) {
            Instant now = Instant.now();
            claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .audience(AUDIENCE)
                    .subject(subject)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                    .jwtID(UUID.randomUUID().toString());
        }

        /** Sets (or with null removes) a claim. */
        public Token claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        public Token issuer(String other) {
            claims.issuer(other);
            return this;
        }

        public Token audience(String other) {
            claims.audience(other);
            return this;
        }

        /** Issued an hour before {@code expiry}, valid until then. */
        public Token expiresAt(Instant expiry) {
            claims.issueTime(Date.from(expiry.minus(Duration.ofHours(1)))).expirationTime(Date.from(expiry));
            return this;
        }

        /** Signed by a key of its own under the provider's key id: what a forger without the key can make. */
        public Token signedByAnotherKey() {
            try {
                signingKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        /** The token in its compact form, as sent after {@code Authorization: Bearer}. */
        public String sign() {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                        .type(JOSEObjectType.JWT).build(), claims.build());
                jwt.sign(new RSASSASigner(signingKey));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Signed, then altered: {@code claim} set to {@code value} in the payload, the provider's signature kept
         * (what a holder of a token who wants to be someone else can make).
         */
        public String tamperedWith(String claim, Object value) {
            String[] parts = sign().split("\\.");
            try {
                Map<String, Object> payload = new LinkedHashMap<>(JWTClaimsSet.parse(Base64URL.from(parts[1])
                        .decodeToString()).toJSONObject());
                payload.put(claim, value);
                return parts[0] + "." + Base64URL.encode(JSONObjectUtils.toJSONString(payload)) + "." + parts[2];
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
