package nl.incidents.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds {@link IncidentsProperties} once, for every auto-configuration of service-support and both services. */
@AutoConfiguration
@EnableConfigurationProperties(IncidentsProperties.class)
public class IncidentsPropertiesConfiguration {
}
