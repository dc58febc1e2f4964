package nl.incidents.support.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

/** Which storage failures the event store reports as a conflict over an aggregate. */
class DuplicateKeyResolverTest {

    private final DuplicateKeyResolver resolver = new DuplicateKeyResolver();

    @Test
    void postgresqlsUniqueViolationIsADuplicateKeyWhereverItIsWrapped() {
        // What PostgreSQL's driver throws: a plain SQLException with SQLState 23505, inside Axon's wrapping.
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(resolver.isDuplicateKeyViolation(unique)).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("append failed", unique))).isTrue();
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", "23505", new int[0]);
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(batch))).isTrue();
        BatchUpdateException chained = new BatchUpdateException("batch failed", null, new int[0]);
        chained.setNextException(unique);
        assertThat(resolver.isDuplicateKeyViolation(chained)).isTrue();
    }

    @Test
    void h2sIntegrityViolationIsADuplicateKey() {
        assertThat(resolver.isDuplicateKeyViolation(
                new RuntimeException(new SQLIntegrityConstraintViolationException("unique index", "23505")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("not null", "23502"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
