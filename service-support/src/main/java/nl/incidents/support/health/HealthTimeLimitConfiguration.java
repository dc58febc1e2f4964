package nl.incidents.support.health;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
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
    static TimeLimitedHealth timeLimitedHealth(@Value("${incidents.health.timeout:1s}") Duration limit,
                                               @Value("${incidents.health.interval:1s}") Duration interval) {
        return new TimeLimitedHealth(limit, interval);
    }
}
