package nl.incidents.support.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code incidents.privacy.*} settings: the master key that wraps the keys of personal data, and how long an
 * unwrapped key is kept in memory.
 *
 * @param masterKey         {@code INCIDENTS_MASTER_KEY}: 32 random bytes in base64; required on a database other than
 *                          the embedded H2 (the production profiles), generated into the data directory otherwise
 * @param previousMasterKey {@code INCIDENTS_PREVIOUS_MASTER_KEY}: during a rotation, the master key before it; every
 *                          key still wrapped with it is wrapped anew with {@code masterKey} once the service has
 *                          started
 * @param keyCache          how long an unwrapped key is kept in memory; a minute by default
 */
@ConfigurationProperties("incidents.privacy")
public record PrivacyProperties(String masterKey, String previousMasterKey, Duration keyCache) {

    public PrivacyProperties {
        keyCache = keyCache == null ? Duration.ofMinutes(1) : keyCache;
    }
}
