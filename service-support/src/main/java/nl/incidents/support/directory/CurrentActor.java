package nl.incidents.support.directory;

import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.PersonId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;


/** The signed-in person, in the role the directory gives them. */

public class CurrentActor {

    private final OrganisationDirectory directory;

    public CurrentActor(OrganisationDirectory directory) {
        this.directory = directory;
    }

    /** The actor of the request in progress, or null outside an authenticated request. */
    public Actor orNull() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        return directory.member(new PersonId(authentication.getName())).map(m -> m.asActor()).orElse(null);
    }

    public Actor get() {
        Actor actor = orNull();
        if (actor == null) {
            throw new IllegalStateException("no signed-in member of the directory");
        }
        return actor;
    }
}
