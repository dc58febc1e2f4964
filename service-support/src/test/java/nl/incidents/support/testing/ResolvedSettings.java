package nl.incidents.support.testing;

import java.util.List;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A service's settings as Spring Boot resolves them for the given profiles from the
 * {@code application.yml} on the test's class path, without starting a context and without the
 * machine's environment variables (as on a newcomer's machine).
 */
public final class ResolvedSettings {

    private ResolvedSettings() {
    }

    /** The resolved environment; read it with {@code getProperty}. */
    public static StandardEnvironment of(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(), new DefaultBootstrapContext(),
                List.of(profiles));
        return environment;
    }
}
