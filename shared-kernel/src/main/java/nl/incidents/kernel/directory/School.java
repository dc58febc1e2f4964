package nl.incidents.kernel.directory;

import java.util.Objects;
import nl.incidents.kernel.incident.Region;

/** A school of the board. */
public record School(String id, String name, Region region) {

    public School {
        Objects.requireNonNull(id, "a school needs an id");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("'" + id + "' is not a school id: use up to 100 letters, digits and . _ -");
        }
        Objects.requireNonNull(name, "school " + id + " needs a name");
        Objects.requireNonNull(region, "school " + id + " needs a region");
    }
}
