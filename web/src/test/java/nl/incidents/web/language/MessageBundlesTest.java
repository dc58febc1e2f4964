package nl.incidents.web.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every line of the pages' texts (the web module's bundles and the kernel's notices) is said once per language: a key
 * written twice silently keeps its last text, so a later edit of the first one would change nothing on the pages.
 */
class MessageBundlesTest {

    @Test
    void noBundleSaysALineTwice() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> bundles = new ArrayList<>(List.of(resolver.getResources("classpath*:messages/*.properties")));
        bundles.addAll(List.of(resolver.getResources("classpath*:messages_*.properties")));
        bundles.addAll(List.of(resolver.getResources("classpath*:nl/incidents/kernel/**/*.properties")));
        assertThat(bundles).as("the bundles are found").extracting(Resource::getFilename)
                .contains("refusals_nl.properties", "board_en.properties", "messages_nl.properties", "notices_nl.properties");
        List<String> twice = new ArrayList<>();
        for (Resource bundle : bundles) {
            Set<String> keys = new HashSet<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                boolean continued = false;
                while ((line = lines.readLine()) != null) {
                    String trimmed = line.strip();
                    boolean startsEntry = !continued && !trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("!");
                    continued = trimmed.endsWith("\\") && !trimmed.endsWith("\\\\");
                    if (startsEntry) {
                        String key = trimmed.split("\\s*[=:]", 2)[0];
                        if (!keys.add(key)) {
                            twice.add(bundle.getFilename() + ": " + key);
                        }
                    }
                }
            }
        }
        assertThat(twice).as("lines said twice").isEmpty();
    }
}
