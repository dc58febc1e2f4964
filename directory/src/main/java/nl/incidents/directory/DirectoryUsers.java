package nl.incidents.directory;

import java.util.UUID;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The directory's people as Spring Security users: the user id signs in, with the configured password hash. */
public class DirectoryUsers implements UserDetailsService {

    private final DirectoryProperties properties;

    public DirectoryUsers(DirectoryProperties properties) {
        this.properties = properties;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return properties.users().stream()
                .filter(u -> u.id().equals(username))
                .findFirst()
                .map(u -> User.withUsername(u.id())
                        // Someone configured without a password exists but can never sign in.
                        .password(u.password() == null ? "{noop}" + UUID.randomUUID() : u.password())
                        .roles(u.role().name())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
