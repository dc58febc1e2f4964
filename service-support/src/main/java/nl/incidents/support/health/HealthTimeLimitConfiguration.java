package nl.incidents.support.health;

import nl.incidents.support.IncidentsProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every health indicator of the service answers at once: checked in the background, DOWN when its check
 * has not answered within {@code incidents.health.timeout} (1 s), re-checked every
 * {@code incidents.health.interval} (1 s).
 */
@AutoConfiguration
public class HealthTimeLimitConfiguration {

    @Bean
    static TimeLimitedHealth timeLimitedHealth(IncidentsProperties properties) {
        return new TimeLimitedHealth(properties.health().timeout(), properties.health().interval());
    }
}
