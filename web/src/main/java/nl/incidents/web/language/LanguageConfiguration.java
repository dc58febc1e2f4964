package nl.incidents.web.language;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The pages' language (taal): Dutch first, English second. The browser's {@code Accept-Language} chooses; when it
 * asks for neither, the board's default ({@code incidents.web.default-language}, {@code nl} unless set); {@code ?lang=en} or {@code ?lang=nl} on any page switches and is remembered in a cookie
 * ({@code INCIDENTS_LANG}, a year). Texts: {@code messages_nl.properties}, {@code messages_en.properties}, and one pair per part of the
 * pages under {@code messages/} (report, cases, board, accesslog, inbox, live), and the services' refusals by their code
 * ({@code messages/refusals}).
 *
 * <p>A board changes texts without a rebuild: {@code incidents.web.texts-dir} names a folder with files named as the
 * module's (such as {@code messages/cases_nl.properties}) that hold only the lines it changes; a line there wins over
 * the module's, every other line stays the module's. The folder is read again every minute.
 */
@Configuration(proxyBeanMethods = false)
public class LanguageConfiguration {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;
    static final List<Locale> LANGUAGES = List.of(DUTCH, ENGLISH);

    /** The parts of the pages that each have their own texts; {@code messages} holds the header, sign-in and start. */
    static final List<String> TEXTS = List.of("messages", "messages/report", "messages/cases", "messages/board",
            "messages/accesslog", "messages/inbox", "messages/live", "messages/refusals");

    @Bean
    LocaleResolver localeResolver(@Value("${incidents.web.default-language:nl}") String defaultLanguage) {
        Locale byDefault = LANGUAGES.stream().filter(l -> l.getLanguage().equals(defaultLanguage)).findFirst()
                .orElseThrow(() -> new IllegalStateException("incidents.web.default-language (INCIDENTS_DEFAULT_LANGUAGE) "
                        + "is '" + defaultLanguage + "': it must be nl or en"));
        AcceptHeaderLocaleResolver byBrowser = new AcceptHeaderLocaleResolver();
        byBrowser.setSupportedLocales(LANGUAGES);
        byBrowser.setDefaultLocale(byDefault);
        CookieLocaleResolver resolver = new CookieLocaleResolver("INCIDENTS_LANG");
        resolver.setDefaultLocaleFunction(byBrowser::resolveLocale);
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Bean
    MessageSource messageSource(@Value("${incidents.web.texts-dir:}") String textsDir) {
        // One catalogue per part of the pages, so that each part keeps its own texts (nl first, en second).
        ResourceBundleMessageSource module = new ResourceBundleMessageSource();
        module.setBasenames(TEXTS.toArray(String[]::new));
        module.setDefaultEncoding(StandardCharsets.UTF_8.name());
        module.setDefaultLocale(DUTCH);
        module.setFallbackToSystemLocale(false);
        if (textsDir.isBlank()) {
            return module;
        }
        Path dir = Path.of(textsDir).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("incidents.web.texts-dir (INCIDENTS_TEXTS_DIR) is " + dir
                    + ", which is not a folder");
        }
        // The board's own lines first, in the language asked for only (no fallback to another language, which would
        // put a Dutch line on an English page); whatever it does not change comes from the module.
        ReloadableResourceBundleMessageSource board = new ReloadableResourceBundleMessageSource();
        board.setBasenames(TEXTS.stream().map(name -> "file:" + dir.resolve(name)).toArray(String[]::new));
        board.setDefaultEncoding(StandardCharsets.UTF_8.name());
        board.setFallbackToSystemLocale(false);
        board.setCacheSeconds(60);
        board.setParentMessageSource(module);
        return board;
    }

    /**
     * {@code ?lang=} with one of the two languages, on any address, taken before the sign-in's filters: a visitor
     * without a session who asks for {@code /?lang=en} is sent to the sign-in page, and that page is in English too.
     * Anything else in {@code lang} is ignored.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> languageSwitch(LocaleResolver localeResolver) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String asked = request.getParameter("lang");
                LANGUAGES.stream().filter(l -> l.getLanguage().equals(asked)).findFirst()
                        .ifPresent(language -> localeResolver.setLocale(request, response, language));
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
