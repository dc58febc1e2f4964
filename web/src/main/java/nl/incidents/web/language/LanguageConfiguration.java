package nl.incidents.web.language;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages' language (taal): Dutch first, English second. The browser's {@code Accept-Language} chooses, Dutch
 * when it asks for neither; {@code ?lang=en} or {@code ?lang=nl} on any page switches and is remembered in a cookie
 * ({@code INCIDENTS_LANG}, a year). Texts: {@code messages_nl.properties}, {@code messages_en.properties}, and one pair per part of the
 * pages under {@code messages/} (report, cases, board, inbox, live), and the services' refusals by their code
 * ({@code messages/refusals}).
 */
@Configuration(proxyBeanMethods = false)
public class LanguageConfiguration implements WebMvcConfigurer {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;
    static final List<Locale> LANGUAGES = List.of(DUTCH, ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver byBrowser = new AcceptHeaderLocaleResolver();
        byBrowser.setSupportedLocales(LANGUAGES);
        byBrowser.setDefaultLocale(DUTCH);
        CookieLocaleResolver resolver = new CookieLocaleResolver("INCIDENTS_LANG");
        resolver.setDefaultLocaleFunction(byBrowser::resolveLocale);
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        // One catalogue per part of the pages, so that each part keeps its own texts (nl first, en second).
        messages.setBasenames("messages", "messages/report", "messages/cases", "messages/board", "messages/inbox",
                "messages/live", "messages/refusals");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setDefaultLocale(DUTCH);
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch());
    }

    /** {@code ?lang=} with one of the two languages; anything else is ignored. */
    private static final class LanguageSwitch extends LocaleChangeInterceptor {

        LanguageSwitch() {
            setParamName("lang");
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws ServletException {
            String asked = request.getParameter(getParamName());
            if (asked == null || LANGUAGES.stream().noneMatch(l -> l.getLanguage().equals(asked))) {
                return true;
            }
            return super.preHandle(request, response, handler);
        }
    }
}
