package nl.incidents.web.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The board pages' words for durations and times, in Dutch and English, as the step-time tables show them. */
class BoardTextsTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private final BoardTexts texts = new BoardTexts(messages(), new nl.incidents.web.layout.Names(new org.springframework.mock.env.MockEnvironment(), messages()));

    @Test
    void aDurationIsSaidInSecondsUnderAMinuteElseInDaysHoursAndMinutes() {
        assertThat(texts.duration(Duration.ofSeconds(3), DUTCH)).isEqualTo("3 s");
        assertThat(texts.duration(Duration.ZERO, DUTCH)).isEqualTo("0 s");
        assertThat(texts.duration(Duration.ofSeconds(89), DUTCH)).isEqualTo("1 min");
        assertThat(texts.duration(Duration.ofSeconds(90), DUTCH)).isEqualTo("2 min");
        assertThat(texts.duration(Duration.ofMinutes(80), DUTCH)).isEqualTo("1 u 20 min");
        assertThat(texts.duration(Duration.ofMinutes(80), Locale.ENGLISH)).isEqualTo("1 h 20 min");
        assertThat(texts.duration(Duration.ofHours(51).plusMinutes(10), DUTCH)).isEqualTo("2 d 3 u");
        assertThat(texts.duration(null, DUTCH)).isEqualTo("–");
    }

    @Test
    void aTimeIsDutchTimeWhateverItsOffset() {
        assertThat(texts.time(OffsetDateTime.parse("2026-07-01T08:30:00Z"), DUTCH)).isEqualTo("1 juli 2026 10:30");
        assertThat(texts.time(OffsetDateTime.parse("2026-11-30T09:15:00+01:00"), Locale.ENGLISH))
                .isEqualTo("30 November 2026 09:15");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/board");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
