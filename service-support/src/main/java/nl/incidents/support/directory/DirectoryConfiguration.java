package nl.incidents.support.directory;

import nl.incidents.directory.DirectoryProperties;
import nl.incidents.directory.DirectorySignIn;
import nl.incidents.directory.DirectoryUsers;
import nl.incidents.directory.LimitedSignIn;
import nl.incidents.directory.SignInLimiter;
import nl.incidents.kernel.directory.OrganisationDirectory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * The organisation directory of the service, from configuration or the demo school board (see
 * {@link DirectoryProperties#from}), and password sign-in against it behind the brute-force limit
 * ({@link LimitedSignIn}, {@link SignInLimiter}), which the services offer only while the demo board is on
 * (see the security configuration).
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

    /** Per process: 5 attempts per account, 20 per address at once (see the class). A test may put its own clock in. */
    @Bean
    @ConditionalOnMissingBean
    SignInLimiter signInLimiter() {
        return new SignInLimiter();
    }

    /**
     * HTTP Basic against the directory's password hashes (see {@link DirectorySignIn}), each attempt first
     * counted by the limiter so that a refused one costs no bcrypt.
     */
    @Bean
    AuthenticationProvider directorySignIn(DirectoryProperties properties, SignInLimiter limiter) {
        return new LimitedSignIn(new DirectorySignIn(new DirectoryUsers(properties)), limiter);
    }
}
