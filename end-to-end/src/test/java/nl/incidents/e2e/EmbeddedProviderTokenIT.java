package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded OpenID Provider over plain HTTP, as the web module uses it: the authorization code flow with PKCE as
 * client {@code incidents-web} (its secret given to the web process), signing in at the provider's own form with its
 * CSRF token, the code taken from the redirect without following it and exchanged at the token endpoint. The access
 * token is for the services ({@code aud} incidents-api, {@code sub} the directory id), and both services answer
 * {@code GET /api/me} with it. A request without PKCE is refused.
 */
class EmbeddedProviderTokenIT {

    private static final String CLIENT_SECRET = SignInSystem.SHARED_CLIENT_SECRET;
    private static SignInSystem system;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void start() throws Exception {
        system = SignInSystem.shared();
    }

    @Test
    void aTokenFromTheCodeFlowWithPkceSignsTheTeacherInAtBothServices() throws Exception {
        String web = system.webUrl();
        String redirectUri = web + "/login/oauth2/code/incidents";
        String verifier = random();
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = random();
        Map<String, String> authorize = new LinkedHashMap<>(Map.of(
                "response_type", "code", "client_id", "incidents-web", "scope", "openid profile email",
                "redirect_uri", redirectUri, "state", state, "nonce", random()));

        // Not signed in at the provider: its sign-in form, which carries a CSRF token.
        HttpResponse<String> first = get(web + "/oauth2/authorize?" + form(withPkce(authorize, challenge)));
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(location(first)).isEqualTo(web + "/provider/login");
        HttpResponse<String> loginPage = get(location(first));
        String csrf = csrfOf(loginPage.body());

        HttpResponse<String> signedIn = post(web + "/provider/login", null,
                Map.of("username", "teacher", "password", "demo", "_csrf", csrf));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).startsWith(web + "/oauth2/authorize?");

        // Back at the authorization endpoint: the code arrives at the redirect URI (not followed).
        HttpResponse<String> withCode = get(location(signedIn));
        assertThat(withCode.statusCode()).isEqualTo(302);
        Map<String, String> answer = query(location(withCode));
        assertThat(location(withCode)).startsWith(redirectUri + "?");
        assertThat(answer.get("state")).isEqualTo(state);
        String code = answer.get("code");
        assertThat(code).isNotBlank();

        // The code with its verifier, as the web module redeems it.
        HttpResponse<String> tokens = post(web + "/oauth2/token", basic(), Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", redirectUri, "code_verifier", verifier));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = Api.JSON.readTree(tokens.body());
        String accessToken = body.path("access_token").asText();
        JsonNode access = claims(accessToken);
        assertThat(access.path("iss").asText()).isEqualTo(web);
        assertThat(access.path("sub").asText()).isEqualTo("teacher");
        assertThat(audience(access)).containsExactly("incidents-api");
        assertThat(access.path("exp").asLong() - access.path("iat").asLong()).isEqualTo(300);
        JsonNode id = claims(body.path("id_token").asText());
        assertThat(id.path("name").asText()).isEqualTo("Tessa de Vries");
        assertThat(id.path("email").asText()).isEqualTo("teacher@demo.example");
        assertThat(id.path("preferred_username").asText()).isEqualTo("teacher");
        assertThat(audience(id)).containsExactly("incidents-web");
        assertThat(body.path("refresh_token").asText()).isNotBlank();

        for (String service : new String[] {system.commandServiceUrl(), system.queryServiceUrl()}) {
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(service + "/api/me"))
                    .header("Authorization", "Bearer " + accessToken).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).as(service + ": " + me.body()).isEqualTo(200);
            JsonNode member = Api.JSON.readTree(me.body());
            assertThat(member.path("id").asText()).isEqualTo("teacher");
            assertThat(member.path("role").asText()).isEqualTo("STAFF");
            assertThat(member.path("schools").toString()).contains("OBS De Esch");
        }

        // The refresh token gives a new access token (the web module refreshes server-side this way).
        HttpResponse<String> refreshed = post(web + "/oauth2/token", basic(), Map.of("grant_type", "refresh_token",
                "refresh_token", body.path("refresh_token").asText()));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode renewed = Api.JSON.readTree(refreshed.body());
        assertThat(claims(renewed.path("access_token").asText()).path("sub").asText()).isEqualTo("teacher");

        // A code is redeemed once; trying again revokes what it gave, the refresh token too.
        HttpResponse<String> again = post(web + "/oauth2/token", basic(), Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", redirectUri, "code_verifier", verifier));
        assertThat(again.statusCode()).isEqualTo(400);
        HttpResponse<String> revoked = post(web + "/oauth2/token", basic(), Map.of("grant_type", "refresh_token",
                "refresh_token", renewed.path("refresh_token").asText()));
        assertThat(revoked.statusCode()).isEqualTo(400);
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() throws Exception {
        String web = system.webUrl();
        HttpResponse<String> loginPage = get(web + "/provider/login");
        HttpResponse<String> signedIn = post(web + "/provider/login", null,
                Map.of("username", "teacher2", "password", "demo", "_csrf", csrfOf(loginPage.body())));
        assertThat(signedIn.statusCode()).isEqualTo(302);

        String redirectUri = web + "/login/oauth2/code/incidents";
        HttpResponse<String> refused = get(web + "/oauth2/authorize?" + form(Map.of("response_type", "code",
                "client_id", "incidents-web", "scope", "openid", "redirect_uri", redirectUri, "state", "s")));
        assertThat(refused.statusCode()).isEqualTo(302);
        Map<String, String> answer = query(location(refused));
        assertThat(answer.get("error")).isEqualTo("invalid_request");
        assertThat(answer.get("code")).isNull();
    }

    private static Map<String, String> withPkce(Map<String, String> parameters, String challenge) {
        Map<String, String> with = new LinkedHashMap<>(parameters);
        with.put("code_challenge", challenge);
        with.put("code_challenge_method", "S256");
        return with;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String authorization, Map<String, String> fields) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("incidents-web:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no Location in the " + response.statusCode() + " answer to " + response.uri()));
    }

    private static String csrfOf(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the sign-in form").isTrue();
        return matcher.group(1);
    }

    private static JsonNode claims(String jwt) throws Exception {
        return Api.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** A token's {@code aud}: one text or a list of them (JWT allows both). */
    private static List<String> audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        List<String> audience = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(value -> audience.add(value.asText()));
        } else {
            audience.add(aud.asText());
        }
        return audience;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The query parameters of a URL, decoded (the last of a name wins). */
    private static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
