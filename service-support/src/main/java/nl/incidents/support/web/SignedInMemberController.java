package nl.incidents.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.support.directory.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me} on both services: the signed-in member (de aangemelde medewerker) as the board's
 * directory knows them, whichever way they signed in. The web module shows it on its start page.
 */
@RestController
class SignedInMemberController {

    private final OrganisationDirectory directory;
    private final CurrentActor actor;

    SignedInMemberController(OrganisationDirectory directory, CurrentActor actor) {
        this.directory = directory;
        this.actor = actor;
    }

    @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Who is signed in",
            description = "The signed-in member as the board's directory knows them: their user id (what every step they"
                    + " take records), name, email address, role and schools. 403 for a valid access token of someone"
                    + " the directory does not know.")
    // 400: an address the firewall rejects, as on every operation.
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN})
    SignedInMember me() {
        Member member = directory.member(actor.get().id()).orElseThrow();
        return new SignedInMember(member.id().value(), member.name(), member.email(), member.role(),
                member.schools().stream()
                        .map(id -> new SchoolOfMember(id, directory.school(id).map(s -> s.name()).orElse(id)))
                        .toList());
    }

    /**
     * The signed-in member.
     *
     * @param id      the directory's user id, e.g. {@code teacher}
     * @param name    the name to show, e.g. {@code Tessa de Vries}
     * @param email   the email address, if the directory has one
     * @param role    the role in which they act
     * @param schools the schools they work at, sorted by id; none for the communications department and the board
     */
    @Schema(name = "SignedInMember")
    record SignedInMember(String id, String name, String email, ActorRole role, List<SchoolOfMember> schools) {
    }

    /**
     * One school of the member.
     *
     * @param id   the school's id, e.g. {@code school-1}
     * @param name the school's name, e.g. {@code OBS De Esch}
     */
    record SchoolOfMember(String id, String name) {
    }
}
