package nl.incidents.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import nl.incidents.support.directory.DirectoryConfiguration;
import nl.incidents.support.web.SecurityConfiguration;
import nl.incidents.support.web.WebConfiguration;
import nl.incidents.support.IncidentsPropertiesConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * What a {@code @WebMvcTest} of a query controller needs beside the controller: the real sign-in
 * against the demo directory (so 401 and 403 behave as in the service), problem details, the API's
 * Dutch times and {@link Queries} in front of a mocked query gateway.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({Queries.class, AmsterdamTime.class, DirectoryConfiguration.class, SecurityConfiguration.class,
        WebConfiguration.class, IncidentsPropertiesConfiguration.class})
@TestPropertySource(properties = "incidents.demo.enabled=true")
public @interface ControllerSlice {
}
