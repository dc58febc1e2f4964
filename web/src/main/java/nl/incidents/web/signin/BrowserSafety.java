package nl.incidents.web.signin;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers every page and endpoint of the web module carries, in both security filter chains (the
 * pages' and the embedded provider's): a strict Content-Security-Policy (no inline script or style, nothing from
 * elsewhere, no framing), {@code nosniff}, {@code Referrer-Policy: no-referrer}, {@code X-Frame-Options: DENY} and
 * Spring Security's {@code Cache-Control: no-cache, no-store, max-age=0, must-revalidate}. Forms may post only
 * here and to the OpenID Provider (the sign-out's redirect to the provider is a form's redirect, which browsers
 * check against {@code form-action}). A form carrying a file is taken only where one is expected and from a person
 * signed in ({@link FormGuard}), before anything reads it.
 */
public final class BrowserSafety {

    private BrowserSafety() {
    }

    /** The Content-Security-Policy for pages of a module whose OpenID Provider has the given origin. */
    public static String contentSecurityPolicy(String issuerOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
                + " base-uri 'none'; frame-ancestors 'none'; form-action 'self' " + issuerOrigin;
    }

    /** Sets the headers above, and the guard of forms with a file, on the chain being built. */
    public static void apply(HttpSecurity http, SignInClient client) throws Exception {
        http.addFilterBefore(new FormGuard(), CsrfFilter.class);
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(client.issuerOrigin())))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(frames -> frames.deny())
                .contentTypeOptions(nosniff -> { })
                .cacheControl(cache -> { }));
    }
}
