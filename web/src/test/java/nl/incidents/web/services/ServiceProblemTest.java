package nl.incidents.web.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import nl.incidents.kernel.protocol.CasePolicy;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

/** A service's refusal read from its problem+json and said in Dutch or English by its code. */
class ServiceProblemTest {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    ServiceProblemTest() {
        messages.setBasenames("messages/refusals");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @Test
    void aRefusalIsSaidByItsCodeWithItsParametersInThePersonsLanguage() {
        ServiceProblem problem = ServiceProblem.of(refusal(HttpStatus.BAD_REQUEST, """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"DISMISSAL is not a measure for a pupil.",
                 "instance":"/api/incidents/x/measures","code":"measure.unfit","field":"measure","measure":"DISMISSAL","role":"PUPIL"}"""));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo("measure.unfit");
        assertThat(problem.field()).isEqualTo("measure");
        assertThat(problem.parameters()).containsOnlyKeys("measure", "role");
        assertThat(problem.text(messages, Locale.forLanguageTag("nl"))).isEqualTo("Een ontslag is geen maatregel voor een leerling.");
        assertThat(problem.text(messages, Locale.ENGLISH)).isEqualTo("A dismissal is not a measure for a pupil.");
    }

    @Test
    void withoutATextForItsCodeTheServicesDetailIsShownAndWithoutEitherAGeneralSentence() {
        ServiceProblem unknownCode = ServiceProblem.of(refusal(HttpStatus.CONFLICT,
                "{\"status\":409,\"code\":\"state.something-new\",\"detail\":\"Something new refused this.\"}"));
        assertThat(unknownCode.text(messages, Locale.forLanguageTag("nl"))).isEqualTo("Something new refused this.");

        ServiceProblem notJson = ServiceProblem.of(refusal(HttpStatus.BAD_GATEWAY, "<html>proxy</html>"));
        assertThat(notJson.code()).isNull();
        assertThat(notJson.text(messages, Locale.forLanguageTag("nl"))).isEqualTo("Dit kon niet worden gedaan.");
    }

    @Test
    void everyRuleOfTheProtocolIsSaidInBothLanguagesAndBothCataloguesHaveTheSameTexts() throws IOException {
        Properties dutch = load("messages/refusals_nl.properties");
        Properties english = load("messages/refusals_en.properties");
        assertThat(english.stringPropertyNames()).isEqualTo(dutch.stringPropertyNames());
        for (CasePolicy policy : CasePolicy.values()) {
            assertThat(dutch).as("text of %s", policy).containsKey("refusal." + policy.code());
        }
    }

    private static HttpClientErrorException refusal(HttpStatus status, String body) {
        return HttpClientErrorException.create(status, status.getReasonPhrase(), HttpHeaders.EMPTY,
                body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ServiceProblemTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
