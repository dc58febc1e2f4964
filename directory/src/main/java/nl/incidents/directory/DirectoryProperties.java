package nl.incidents.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.directory.School;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Region;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The organisation directory as configured under {@code incidents.directory}: schools and the
 * people who sign in, each with a password hash in Spring Security's {@code {id}hash} form. With
 * {@code incidents.demo.enabled} the demo school board ({@code incidents/demo-directory.yml}) is
 * used instead; it is on in the embedded default only, so no demo user exists anywhere else unless
 * asked for.
 */
public record DirectoryProperties(String name, List<SchoolProperties> schools, List<UserProperties> users) {

    /** Where a board's own directory is configured. */
    public static final String PREFIX = "incidents.directory";

    /**
     * The directory of this environment: the demo school board when {@code incidents.demo.enabled}
     * is true, else the one configured under {@value #PREFIX}.
     *
     * @throws IllegalStateException when both or neither are configured (the demo's known passwords
     *                               must never stand in for a board's own directory by accident)
     */
    public static DirectoryProperties from(Environment environment) {
        Binder binder = Binder.get(environment);
        if (binder.bind("incidents.demo.enabled", Boolean.class).orElse(false)) {
            if (binder.bind(PREFIX, DirectoryProperties.class).isBound()) {
                throw new IllegalStateException("Both the demo school board (incidents.demo.enabled) and a directory ("
                        + PREFIX + ") are configured: set incidents.demo.enabled=false (INCIDENTS_DEMO=false) to use yours");
            }
            try {
                List<PropertySource<?>> demo = new YamlPropertySourceLoader()
                        .load("demo-directory", new ClassPathResource("incidents/demo-directory.yml"));
                binder = new Binder(ConfigurationPropertySources.from(demo));
            } catch (IOException e) {
                throw new UncheckedIOException("The demo school board (incidents/demo-directory.yml) cannot be read", e);
            }
        }
        return binder.bind(PREFIX, DirectoryProperties.class)
                .orElseThrow(() -> new IllegalStateException("No organisation directory is configured: set "
                        + PREFIX + " (schools and users), or incidents.demo.enabled=true for the demo school board"));
    }

    public DirectoryProperties {
        schools = schools == null ? List.of() : schools;
        users = users == null ? List.of() : users;
    }

    /** One school. */
    public record SchoolProperties(String id, String name, Region region) {
    }

    /**
     * One person who signs in.
     *
     * @param id       the user id: what events record as the actor, and the name for password sign-in
     * @param subject  optional: the person's value of the claim that identifies them in the board's sign-in
     *                 provider's tokens ({@code incidents.sign-in.person-claim}: Entra ID's {@code oid}, Google's
     *                 {@code sub}, ...); without it that claim is compared with {@code id}, or with {@code email}
     *                 when the claim is {@code email}
     * @param password a hash in Spring Security's {@code {id}hash} form; none: no password sign-in
     */
    public record UserProperties(String id, String name, String email, ActorRole role, Set<String> schools, String password,
                                 String subject) {
    }

    /**
     * The person a sign-in provider's token names (persoon bij een token): the user whose {@code subject}
     * equals {@code value}; for a user without a subject, the one whose id equals it, or whose email equals it
     * without regard to case when {@code claim} is {@code email}.
     *
     * @param claim the name of the claim the value was read from ({@code sub}, {@code oid}, {@code email}, ...)
     * @param value the claim's value in the token; null or blank names nobody
     * @return the user, or empty when the directory does not know the person, or knows more than one user by
     *         this value (two users with one email address: nobody is guessed at)
     */
    public Optional<UserProperties> identifiedBy(String claim, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        boolean byEmail = "email".equals(claim);
        List<UserProperties> named = users.stream()
                .filter(u -> u.subject() != null && !u.subject().isBlank()
                        ? u.subject().equals(value)
                        : byEmail ? u.email() != null && u.email().equalsIgnoreCase(value) : value.equals(u.id()))
                .limit(2)
                .toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** The directory as the kernel knows it (no passwords). */
    public OrganisationDirectory toDirectory() {
        return new OrganisationDirectory(name,
                schools.stream().map(s -> new School(s.id(), s.name(), s.region())).toList(),
                users.stream().map(u -> new Member(new PersonId(u.id()), u.name(), u.email(), u.role(), u.schools())).toList());
    }
}
