package nl.incidents.web.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A board's own texts and language, without a rebuild: a folder given in {@code incidents.web.texts-dir} holds only
 * the lines the board changes, and those win over the module's, in the language they are written for; every other
 * line stays the module's. With English as the board's default, a browser that asks for neither language reads
 * English; one that asks for Dutch still reads Dutch.
 */
@SpringBootTest(properties = {"server.port=18941", "incidents.web.default-language=en"})
@AutoConfigureMockMvc
class TextsAndLanguageTest {

    static final Path TEXTS = boardTexts();

    @DynamicPropertySource
    static void textsDir(DynamicPropertyRegistry registry) {
        registry.add("incidents.web.texts-dir", TEXTS::toString);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theBoardsOwnLineWinsInItsLanguageAndTheOtherLinesStayTheModules() throws Exception {
        String dutch = page("nl-NL,nl;q=0.9");
        assertThat(dutch).contains("<html lang=\"nl\">", "Log in met uw account van Stichting De Voorbeeldscholen.",
                "<h1>Inloggen</h1>").doesNotContain("Log in met het account van uw schoolbestuur.");
        String english = page("en-GB,en;q=0.9");
        assertThat(english).contains("Sign in with your school board&#39;s account.", "<h1>Sign in</h1>")
                .doesNotContain("Voorbeeldscholen");
    }

    @Test
    void aBrowserThatAsksForNeitherLanguageReadsTheBoardsDefault() throws Exception {
        assertThat(page("de-DE,de;q=0.9")).contains("<html lang=\"en\">", "<h1>Sign in</h1>");
    }

    @Test
    void aVisitorWithoutASessionWhoAsksForEnglishGetsTheSignInPageInEnglish() throws Exception {
        jakarta.servlet.http.Cookie language = mvc.perform(get("/?lang=en").header(HttpHeaders.ACCEPT_LANGUAGE, "nl").accept("text/html"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getCookie("INCIDENTS_LANG");
        assertThat(language).isNotNull();
        assertThat(language.getValue()).isEqualTo("en");
        String page = mvc.perform(get("/signin").cookie(language).header(HttpHeaders.ACCEPT_LANGUAGE, "nl"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<html lang=\"en\">", "<h1>Sign in</h1>");
        mvc.perform(get("/?lang=fr")).andExpect(result -> assertThat(result.getResponse().getCookie("INCIDENTS_LANG")).isNull());
    }

    @Test
    void aTextsFolderThatIsNotThereStopsTheStartWithItsName() {
        assertThatThrownBy(() -> new LanguageConfiguration().messageSource("/no/such/texts"))
                .hasMessageContaining("incidents.web.texts-dir (INCIDENTS_TEXTS_DIR) is /no/such/texts, which is not a folder");
        assertThatThrownBy(() -> new LanguageConfiguration().localeResolver("fr"))
                .hasMessageContaining("it must be nl or en");
    }

    private String page(String acceptLanguage) throws Exception {
        return mvc.perform(get("/signin").header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static Path boardTexts() {
        try {
            Path dir = Files.createTempDirectory("board-texts");
            Files.writeString(dir.resolve("messages_nl.properties"),
                    "signin.intro=Log in met uw account van Stichting De Voorbeeldscholen.\n", StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
