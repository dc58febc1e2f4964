package nl.incidents.web.layout;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.incidents.directory.DirectoryProperties;
import nl.incidents.directory.DirectoryProperties.SchoolProperties;
import nl.incidents.directory.DirectoryProperties.UserProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Names instead of ids (namen in plaats van kenmerken): a school's name and a person's name, with their role where it
 * helps, from the board's directory this module is given (the demo school board, or {@code incidents.directory}), for
 * every page that would otherwise show a {@code schoolId} or a person's directory id. Someone no longer in the
 * directory, a school it does not know, and the people involved in a discussion (pupils, parents: the board's own
 * references, not in the directory) keep their id. Templates use it as {@code @names}; without a directory every id
 * stays as it is.
 */
@Component("names")
public class Names {

    private static final Logger log = LoggerFactory.getLogger(Names.class);

    private final Map<String, String> schools;
    private final Map<String, UserProperties> people;
    private final MessageSource messages;

    public Names(Environment environment, MessageSource messages) {
        this.messages = messages;
        Map<String, String> schoolNames;
        Map<String, UserProperties> users;
        try {
            DirectoryProperties directory = DirectoryProperties.from(environment);
            schoolNames = directory.schools().stream().filter(s -> s.name() != null && !s.name().isBlank())
                    .collect(Collectors.toMap(SchoolProperties::id, SchoolProperties::name, (a, b) -> a));
            users = directory.users().stream().filter(u -> u.name() != null && !u.name().isBlank())
                    .collect(Collectors.toMap(UserProperties::id, u -> u, (a, b) -> a));
        } catch (IllegalStateException noDirectory) {
            log.info("No directory given to the web module: the pages show ids, not names ({})", noDirectory.getMessage());
            schoolNames = Map.of();
            users = Map.of();
        }
        this.schools = schoolNames;
        this.people = users;
    }

    /** The school's name, or its id when the directory does not know it; empty for none. */
    public String school(String schoolId) {
        return schoolId == null ? "" : schools.getOrDefault(schoolId, schoolId);
    }

    /** The person's name, or their id when the directory does not know them; empty for none. */
    public String person(String personId) {
        if (personId == null) {
            return "";
        }
        UserProperties user = people.get(personId);
        return user == null ? personId : user.name();
    }

    /**
     * The person's name with their role in the board ({@code Marieke Jansen (leidinggevende)}), or their id alone when
     * the directory does not know them.
     */
    public String personWithRole(String personId, Locale locale) {
        if (personId == null) {
            return "";
        }
        UserProperties user = people.get(personId);
        if (user == null || user.role() == null) {
            return person(personId);
        }
        String role = messages.getMessage("names.role." + user.role().name(), null, user.role().name(), locale);
        return messages.getMessage("names.withRole", new Object[] {user.name(), role}, user.name(), locale);
    }

    /** Who holds a case: "het bestuur", or the manager by name ("leidinggevende Marieke Jansen"). */
    public String holder(String level, String personId, Locale locale) {
        if (personId == null || personId.isBlank()) {
            return messages.getMessage("names.holder." + (level == null ? "BOARD" : level), null, String.valueOf(level), locale);
        }
        return messages.getMessage("names.holder.person", new Object[] {person(personId)}, person(personId), locale);
    }

    /**
     * The directory's people whom the board may add to a need-to-know case, by id, in the order of their names: all
     * but the board's own members, who read every case already.
     */
    public java.util.List<String> addable() {
        return people.values().stream().filter(u -> u.role() == null || !"BOARD".equals(u.role().name()))
                .sorted(java.util.Comparator.comparing(UserProperties::name)).map(UserProperties::id).toList();
    }
}
