package nl.incidents.support.directory;

import java.io.IOException;
import java.util.List;
import nl.incidents.kernel.directory.OrganisationDirectory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Builds the organisation directory from configuration. With {@code incidents.demo.enabled} the
 * demo school board ({@code incidents/demo-directory.yml}) is used instead; it is on in the
 * embedded default only, so no demo user exists anywhere else unless asked for.
 */
@AutoConfiguration
public class DirectoryConfiguration {

    static final String PREFIX = "incidents.directory";

    @Bean
    DirectoryProperties directoryProperties(ConfigurableEnvironment environment) throws IOException {
        Binder binder = Binder.get(environment);
        if (binder.bind("incidents.demo.enabled", Boolean.class).orElse(false)) {
            if (binder.bind(PREFIX, DirectoryProperties.class).isBound()) {
                // Never let known demo passwords stand in for a board's own directory by accident.
                throw new IllegalStateException("Both the demo school board (incidents.demo.enabled) and a directory ("
                        + PREFIX + ") are configured: set incidents.demo.enabled=false (INCIDENTS_DEMO=false) to use yours");
            }
            List<PropertySource<?>> demo = new YamlPropertySourceLoader()
                    .load("demo-directory", new ClassPathResource("incidents/demo-directory.yml"));
            binder = new Binder(ConfigurationPropertySources.from(demo));
        }
        return binder.bind(PREFIX, DirectoryProperties.class)
                .orElseThrow(() -> new IllegalStateException("No organisation directory is configured: set "
                        + PREFIX + " (schools and users), or incidents.demo.enabled=true for the demo school board"));
    }

    @Bean
    OrganisationDirectory organisationDirectory(DirectoryProperties properties) {
        return properties.toDirectory();
    }

    /** The one way in: HTTP Basic against the directory's password hashes (see {@link DirectorySignIn}). */
    @Bean
    AuthenticationProvider directorySignIn(DirectoryProperties properties) {
        return new DirectorySignIn(new DirectoryUsers(properties));
    }
}
