package nl.incidents.support.env;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * JVM-wide settings that must be in place before any library reads them. The command service's H2
 * server (embedded default) listens on loopback only unless an operator sets {@code h2.bindAddress};
 * H2 reads that property once, when its classes load, so it is set before Spring creates anything.
 */
public class PrivateByDefault implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }
}
