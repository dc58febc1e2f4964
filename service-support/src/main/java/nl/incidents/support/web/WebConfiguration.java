package nl.incidents.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Problem details for both services. */
@AutoConfiguration
public class WebConfiguration {

    @Bean
    ProblemHandling problemHandling() {
        return new ProblemHandling();
    }
}
