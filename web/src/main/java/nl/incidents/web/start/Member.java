package nl.incidents.web.start;

import java.util.List;

/**
 * The signed-in person as the board's directory knows them, as the services answer {@code GET /api/me}: the
 * directory id, name and e-mail (either may be absent), the role ({@code STAFF}, {@code MANAGER},
 * {@code COMMUNICATIONS}, {@code BOARD}) and the schools they belong to.
 */
public record Member(String id, String name, String email, String role, List<SchoolRef> schools) {

    public Member {
        schools = schools == null ? List.of() : schools;
    }

    /** One school: its id and name. */
    public record SchoolRef(String id, String name) {
    }

    /** What the pages call the person: the name, else the id. */
    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }
}
