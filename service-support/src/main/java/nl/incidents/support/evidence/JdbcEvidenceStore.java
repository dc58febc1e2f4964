package nl.incidents.support.evidence;

import com.google.crypto.tink.DeterministicAead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.support.privacy.PersonalDataKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link EvidenceStore} in the services' one database, table {@code evidence}: each file encrypted with the case's
 * own key of {@link PersonalDataKeys} (the case's Tink keyset, AES256-SIV), with the case id and the evidence id as
 * associated data, so that a row moved to another case or id does not open, and deleting the case's key on its erasure
 * leaves the bytes unreadable even where a copy of the row survives (a backup). On PostgreSQL a trigger refuses every
 * change but the erasure's deletion (db/privacy/postgresql/V10); on H2 this class is the guard: it never updates.
 */
public class JdbcEvidenceStore implements EvidenceStore {

    private static final String COLUMNS = "evidence_id, incident_id, sha256, received_at, size_bytes, media_type";

    private final JdbcTemplate jdbc;
    private final PersonalDataKeys keys;
    private final TransactionTemplate transaction;

    public JdbcEvidenceStore(DataSource dataSource, PlatformTransactionManager transactions, PersonalDataKeys keys) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.keys = keys;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void put(Stored evidence, byte[] content) {
        PersonalDataKeys.Key key = keys.ofCase(evidence.incidentId());
        byte[] encrypted;
        try {
            encrypted = key.aead().encryptDeterministically(content, associated(evidence.incidentId(), evidence.evidenceId()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("evidence " + evidence.evidenceId() + " cannot be encrypted", e);
        }
        jdbc.update("INSERT INTO evidence (" + COLUMNS + ", key_id, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                evidence.evidenceId().toString(), evidence.incidentId().toString(), evidence.sha256(),
                Timestamp.from(evidence.receivedAt()), evidence.sizeBytes(), evidence.mediaType(), key.id(), encrypted);
    }

    @Override
    public Optional<Evidence> read(IncidentId incidentId, UUID evidenceId) {
        record Row(Stored stored, String keyId, byte[] content) {
        }
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + ", key_id, content FROM evidence WHERE incident_id = ? AND evidence_id = ?",
                (rs, n) -> new Row(stored(rs), rs.getString("key_id"), rs.getBytes("content")),
                incidentId.toString(), evidenceId.toString());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        DeterministicAead aead = keys.byId(row.keyId()).orElseThrow(() -> new IllegalStateException(
                "the key of evidence " + evidenceId + " is gone: its case was erased"));
        try {
            return Optional.of(new Evidence(row.stored(), aead.decryptDeterministically(row.content(),
                    associated(incidentId, evidenceId))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("evidence " + evidenceId + " does not open with its case's key", e);
        }
    }

    @Override
    public List<Stored> listOf(IncidentId incidentId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM evidence WHERE incident_id = ? ORDER BY received_at, evidence_id",
                (rs, n) -> stored(rs), incidentId.toString());
    }

    /**
     * Names the case in the transaction-local setting the PostgreSQL trigger lets a deletion through by, then
     * deletes: in the caller's transaction (the erasure's), or in one of its own.
     */
    @Override
    public int deleteCase(IncidentId incidentId) {
        Integer deleted = transaction.execute(status -> {
            if (onPostgres()) {
                jdbc.queryForObject("SELECT set_config('incidents.evidence_erasure', ?, true)", String.class,
                        incidentId.toString());
            }
            return jdbc.update("DELETE FROM evidence WHERE incident_id = ?", incidentId.toString());
        });
        return deleted == null ? 0 : deleted;
    }

    private boolean onPostgres() {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(UUID.fromString(rs.getString("evidence_id")), IncidentId.of(rs.getString("incident_id")),
                rs.getString("sha256"), rs.getTimestamp("received_at").toInstant(), rs.getLong("size_bytes"),
                rs.getString("media_type"));
    }

    /** The bytes belong to their case and their id. */
    private static byte[] associated(IncidentId incidentId, UUID evidenceId) {
        return ("evidence:" + incidentId + ":" + evidenceId).getBytes(StandardCharsets.UTF_8);
    }
}
