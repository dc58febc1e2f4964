package nl.incidents.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import nl.incidents.directory.DirectoryProperties.UserProperties;
import nl.incidents.kernel.incident.ActorRole;
import org.junit.jupiter.api.Test;

/** Which user of the directory an access token's claim names. */
class DirectoryPropertiesTest {

    private final DirectoryProperties directory = new DirectoryProperties("Stichting Voorbeeld", List.of(), List.of(
            user("e1000", "m.jansen@voorbeeld.nl", "6f1c2d3e-0000-4000-8000-000000000001"),
            user("e2000", "P.deVries@voorbeeld.nl", null),
            user("e3000", "shared@voorbeeld.nl", null),
            user("e4000", "shared@voorbeeld.nl", null)));

    @Test
    void aUserWithASubjectIsNamedByItOnly() {
        assertThat(directory.identifiedBy("oid", "6f1c2d3e-0000-4000-8000-000000000001")).map(UserProperties::id).contains("e1000");
        assertThat(directory.identifiedBy("oid", "e1000")).as("not by id once a subject is set").isEmpty();
        assertThat(directory.identifiedBy("email", "m.jansen@voorbeeld.nl")).as("nor by email").isEmpty();
    }

    @Test
    void withoutASubjectTheClaimIsTheIdOrForEmailTheAddressInAnyCase() {
        assertThat(directory.identifiedBy("sub", "e2000")).map(UserProperties::id).contains("e2000");
        assertThat(directory.identifiedBy("sub", "E2000")).as("ids are exact").isEmpty();
        assertThat(directory.identifiedBy("email", "p.devries@VOORBEELD.nl")).map(UserProperties::id).contains("e2000");
        assertThat(directory.identifiedBy("preferred_username", "p.devries@voorbeeld.nl")).isEmpty();
    }

    @Test
    void nobodyIsGuessedAt() {
        assertThat(directory.identifiedBy("email", "shared@voorbeeld.nl")).as("two users, one address").isEmpty();
        assertThat(directory.identifiedBy("sub", null)).isEmpty();
        assertThat(directory.identifiedBy("sub", " ")).isEmpty();
        assertThat(directory.identifiedBy("sub", "someone-else")).isEmpty();
    }

    private static UserProperties user(String id, String email, String subject) {
        return new UserProperties(id, id, email, ActorRole.STAFF, Set.of(), null, subject);
    }
}
