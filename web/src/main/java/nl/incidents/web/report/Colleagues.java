package nl.incidents.web.report;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.incidents.directory.DirectoryProperties;
import nl.incidents.directory.DirectoryProperties.UserProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The names of the board's people (collega's) by their directory id, for telling a reporter by name who their
 * report went to. Read from the directory this module is given (the demo school board, or
 * {@code incidents.directory}); where the web module has none, nobody has a name here and the pages name the
 * role instead.
 */
@Component
class Colleagues {

    private static final Logger log = LoggerFactory.getLogger(Colleagues.class);

    private final Map<String, String> names;

    Colleagues(Environment environment) {
        Map<String, String> known;
        try {
            known = DirectoryProperties.from(environment).users().stream()
                    .filter(user -> user.name() != null && !user.name().isBlank())
                    .collect(Collectors.toMap(UserProperties::id, UserProperties::name, (a, b) -> a));
        } catch (IllegalStateException noDirectory) {
            log.info("No directory given to the web module: the pages name roles, not people ({})", noDirectory.getMessage());
            known = Map.of();
        }
        this.names = known;
    }

    /** The name of the person with this directory id, when the directory gives one. */
    Optional<String> name(String id) {
        return Optional.ofNullable(id).map(names::get);
    }

}
