package nl.incidents.support.directory;

import nl.incidents.directory.DirectoryProperties;
import nl.incidents.directory.DirectorySignIn;
import nl.incidents.directory.DirectoryUsers;
import nl.incidents.kernel.directory.OrganisationDirectory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * The organisation directory of the service, from configuration or the demo school board (see
 * {@link DirectoryProperties#from}), and password sign-in against it.
 */
@AutoConfiguration
public class DirectoryConfiguration {

    @Bean
    DirectoryProperties directoryProperties(Environment environment) {
        return DirectoryProperties.from(environment);
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
