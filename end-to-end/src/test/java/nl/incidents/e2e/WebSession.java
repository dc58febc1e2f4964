package nl.incidents.e2e;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in to the web module over plain HTTP, as a browser does it without the browser: the sign-in start,
 * the embedded provider's form with its CSRF token, the redirects back; the session cookie then opens the pages.
 */
final class WebSession {

    private final String web;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private WebSession(String web) {
        this.web = web;
    }

    /** Signs the user in (password "demo") at the web module's embedded provider. */
    static WebSession signIn(String web, String user) throws Exception {
        WebSession session = new WebSession(web);
        HttpResponse<String> form = session.get("/oauth2/authorization/incidents");
        if (!form.uri().getPath().equals("/provider/login")) {
            throw new AssertionError("sign-in did not reach the provider's form but " + form.uri());
        }
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token in the provider's form");
        }
        String fields = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> start = session.http.send(HttpRequest.newBuilder(URI.create(web + "/provider/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
        if (start.statusCode() != 200 || !start.uri().getPath().equals("/")) {
            throw new AssertionError(user + " was not signed in: " + start.statusCode() + " at " + start.uri());
        }
        return session;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(web + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A stream (such as {@code /live}): answered once the headers are in; the body is read as it comes. */
    HttpResponse<java.io.InputStream> stream(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(web + path)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }
}
