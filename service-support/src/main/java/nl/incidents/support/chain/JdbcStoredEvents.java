package nl.incidents.support.chain;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The history as Axon's JDBC event store keeps it (table {@code domain_event_entry}, embedded H2 or PostgreSQL): the
 * columns read as they are, the payload and metadata byte for byte. Used by the command service on those stores and
 * by the operator's command-line tool, which has no Axon running. Cases are read a page of ids at a time (keyset
 * paging), each case's events at once: memory grows with the largest case, never with the store.
 */
public class JdbcStoredEvents implements StoredEventSource {

    private static final int PAGE = 500;

    private final JdbcTemplate jdbc;
    private final String byCodeUnits;

    /** @throws IllegalStateException when the database cannot be reached to learn what it is */
    public JdbcStoredEvents(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.byCodeUnits = postgres(dataSource) ? " COLLATE \"C\"" : "";
    }

    private static boolean postgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("The event store's database cannot be reached: " + e.getMessage(), e);
        }
    }

    private static final RowMapper<StoredEvent> EVENT = (ResultSet rs, int row) -> new StoredEvent(
            rs.getString("event_identifier"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
            DateTimeUtils.parseInstant(rs.getString("time_stamp")), rs.getString("payload_type"),
            rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data"));

    @Override
    public Stream<StoredEvent> ofCase(String caseId) {
        List<StoredEvent> events = jdbc.query("""
                SELECT event_identifier, aggregate_identifier, sequence_number, time_stamp, payload_type,
                       payload_revision, payload, meta_data
                FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""", EVENT, caseId);
        return events.stream();
    }

    @Override
    public Stream<String> caseIds() {
        Iterator<String> pages = new Iterator<>() {
            private List<String> page = first();
            private int index;

            private List<String> first() {
                return jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry GROUP BY aggregate_identifier"
                        + " ORDER BY aggregate_identifier" + byCodeUnits + " LIMIT " + PAGE, String.class);
            }

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (page.size() < PAGE) {
                    return false;
                }
                page = jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE aggregate_identifier"
                        + byCodeUnits + " > ? GROUP BY aggregate_identifier ORDER BY aggregate_identifier" + byCodeUnits + " LIMIT " + PAGE,
                        String.class, page.get(page.size() - 1));
                index = 0;
                return !page.isEmpty();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(index++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
