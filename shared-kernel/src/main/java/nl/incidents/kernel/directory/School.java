package nl.incidents.kernel.directory;

import java.util.Objects;

/** A school of the board. */
public record School(String id, String name, Region region) {

    public School {
        Objects.requireNonNull(id, "a school needs an id");
        Objects.requireNonNull(name, "school " + id + " needs a name");
        Objects.requireNonNull(region, "school " + id + " needs a region");
    }
}
