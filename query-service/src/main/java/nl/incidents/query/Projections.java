package nl.incidents.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one processing group that feeds all projections, so that a case's summary, history and
 * dossier entries are updated in one transaction per event and never disagree.
 */
public final class Projections {

    public static final String GROUP = "projections";

    private Projections() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
