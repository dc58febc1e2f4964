package nl.incidents.support.env;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * JVM-wide settings that must be in place before any library reads them. H2's AUTO_SERVER opens a
 * TCP port so the second service can share the file; it listens on loopback only unless an
 * operator sets {@code h2.bindAddress}. Axon's update checker stays off even where its
 * auto-configuration is not what starts it: these systems hold pupils' data and never call home.
 */
public class PrivateByDefault implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        defaultProperty("h2.bindAddress", "127.0.0.1");
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
