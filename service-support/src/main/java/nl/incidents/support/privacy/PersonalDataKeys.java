package nl.incidents.support.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key store of personal data (sleutelopslag), in the table {@code personal_data_key} of the services' one
 * database: one key per case, for the case's own texts, and one per person in a case, for what concerns that
 * person there (see {@link nl.incidents.kernel.privacy.PersonalData}). Each key is a Tink keyset of one
 * AES256-SIV key (deterministic AEAD, RFC 5297), stored wrapped by the {@link MasterKey} with its key id as
 * associated data, and named in ciphertexts by that id: a random UUID that says nothing of whose key it is. The row
 * holds the case id and the person id ({@code ''} for the case's own key) so that a person's or a case's keys can be
 * deleted; after that, what they encrypted reads {@value nl.incidents.kernel.privacy.PersonalData#ERASED}
 * everywhere, for ever.
 * <p>
 * A key is created on first use, in the transaction of the command that needs it when there is one (so the key and
 * what it encrypted are stored together or not at all: an event never names a key that is not there, and a command
 * never needs a second pooled connection), else in a transaction of its own. A created key is used again only while
 * its row is there (a savepoint it was made in may have been rolled back), and cached only once its transaction
 * committed with the row, so a rolled-back key is never used again. Unwrapped keys are kept in memory for {@code
 * incidents.privacy.key-cache} (a minute): a key deleted by the other service is still used here that long.
 */
public class PersonalDataKeys {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);
    private static final String CASE = "";
    /** How many keys a rotation reads at a time. */
    private static final int REWRAP_PAGE = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate savepoint;
    private final MasterKey master;
    private final MasterKey previous;
    private final Clock clock;
    private final Cache<Owner, Key> byOwner;
    private final Cache<String, DeterministicAead> byId;

    /**
     * @param previous the master key before a rotation, or null: keys it wrapped are still read, and {@link
     *                 #rewrap()} wraps them anew with {@code master}
     */
    public PersonalDataKeys(DataSource dataSource, PlatformTransactionManager transactions, MasterKey master,
                            MasterKey previous, Duration cacheFor, Clock clock) {
        MasterKey.register();
        this.jdbc = new JdbcTemplate(dataSource);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Within a command's transaction a savepoint (a conflicting insert rolls back only itself, on PostgreSQL
        // too), else a transaction of its own.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.master = master;
        this.previous = previous;
        this.clock = clock;
        // The caches' upkeep on the reading thread: by default Caffeine hands it to the common fork-join pool, a task
        // for every few reads, and a replay reads a key for every encrypted field of every event (that hand-over was
        // the largest part of a replay's time on the 2-core machine, measured).
        this.byOwner = Caffeine.newBuilder().executor(Runnable::run).expireAfterWrite(cacheFor).maximumSize(10_000).build();
        this.byId = Caffeine.newBuilder().executor(Runnable::run).expireAfterWrite(cacheFor).maximumSize(10_000).build();
    }

    /** A key and its id, as ciphertexts name it. */
    public record Key(String id, DeterministicAead aead) {
    }

    private record Owner(String incidentId, String personId) {
    }

    /** The key of a case's own texts, created on first use. */
    public Key ofCase(IncidentId incidentId) {
        return keyOf(new Owner(incidentId.toString(), CASE));
    }

    /** The key of what concerns {@code person} in a case, created on first use. */
    public Key ofPerson(IncidentId incidentId, PersonId person) {
        return keyOf(new Owner(incidentId.toString(), person.value()));
    }

    /** The key with this id, or empty when it was deleted (or never existed). */
    public Optional<DeterministicAead> byId(String keyId) {
        DeterministicAead cached = byId.getIfPresent(keyId);
        if (cached != null) {
            return Optional.of(cached);
        }
        // A key this transaction created is not cached before it commits (nor read back: it is at hand).
        PendingKeys pending = TransactionSynchronizationManager.isSynchronizationActive()
                ? pendingOfThisTransaction(false) : null;
        if (pending != null) {
            Optional<Key> created = pending.created().values().stream().filter(key -> key.id().equals(keyId)).findFirst();
            if (created.isPresent()) {
                return stored(List.of(keyId)).isEmpty() ? Optional.empty() : Optional.of(created.get().aead());
            }
        }
        List<byte[]> rows = jdbc.query("SELECT keyset FROM personal_data_key WHERE key_id = ?",
                (rs, n) -> rs.getBytes(1), keyId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        DeterministicAead aead = unwrap(keyId, rows.get(0));
        byId.put(keyId, aead);
        return Optional.of(aead);
    }

    /**
     * Deletes every key of this person, in every case: what concerns them reads {@value
     * nl.incidents.kernel.privacy.PersonalData#ERASED} from now on (in the other service once its cache expired).
     *
     * @return how many keys were deleted
     */
    public int deletePerson(PersonId person) {
        int deleted = jdbc.update("DELETE FROM personal_data_key WHERE person_id = ?", person.value());
        forgetNowAndAfterCommit();
        return deleted;
    }

    /**
     * Deletes this person's key of this case: what the case holds about them reads {@value
     * nl.incidents.kernel.privacy.PersonalData#ERASED} from now on; their keys of other cases stay.
     *
     * @return how many keys were deleted (0 or 1)
     */
    public int deletePersonFromCase(IncidentId incidentId, PersonId person) {
        int deleted = jdbc.update("DELETE FROM personal_data_key WHERE incident_id = ? AND person_id = ?",
                incidentId.toString(), person.value());
        forgetNowAndAfterCommit();
        return deleted;
    }

    /** The cases that hold a key of this person, that is, personal data about them, in the order of their ids. */
    public List<IncidentId> casesOf(PersonId person) {
        return jdbc.queryForList("SELECT incident_id FROM personal_data_key WHERE person_id = ? ORDER BY incident_id",
                String.class, person.value()).stream().map(IncidentId::of).toList();
    }

    /** Whether this person still has a key of this case (without making one, unlike {@link #ofPerson}). */
    public boolean exists(IncidentId incidentId, PersonId person) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key WHERE incident_id = ? AND person_id = ?",
                Long.class, incidentId.toString(), person.value()) > 0;
    }

    /** Whether the case still has its own key (it has one once a text of it was encrypted, until it is erased). */
    public boolean existsForCase(IncidentId incidentId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key WHERE incident_id = ? AND person_id = ?",
                Long.class, incidentId.toString(), CASE) > 0;
    }

    /** Whether any case still holds a key of this person. */
    public boolean existsAnywhere(PersonId person) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key WHERE person_id = ?", Long.class,
                person.value()) > 0;
    }

    /**
     * Deletes every key of this case, its own and those of the people in it: the whole case reads {@value
     * nl.incidents.kernel.privacy.PersonalData#ERASED} where it held personal data.
     *
     * @return how many keys were deleted
     */
    public int deleteCase(IncidentId incidentId) {
        int deleted = jdbc.update("DELETE FROM personal_data_key WHERE incident_id = ?", incidentId.toString());
        forgetNowAndAfterCommit();
        return deleted;
    }

    /**
     * Wraps every key anew with the current master key that is still wrapped with the previous one (rotation); a
     * key already under the current one is left as it is, so running it twice, or on two instances, is harmless. The
     * keys are read {@value #REWRAP_PAGE} at a time in the order of their ids, and only a key that needs it is wrapped
     * anew, in a transaction of its own.
     *
     * @return how many keys were wrapped anew
     * @throws IllegalStateException when a key opens with neither master key
     */
    public int rewrap() {
        return rewrap(() -> false);
    }

    /**
     * {@link #rewrap()}, stopping between two keys once {@code stopped} says so (the service stopping; not by
     * interrupting the thread, which would close the embedded database's file under it): a later run goes on where
     * it is needed.
     */
    public int rewrap(BooleanSupplier stopped) {
        if (previous == null) {
            return 0;
        }
        int rewrapped = 0;
        String after = "";
        while (!stopped.getAsBoolean()) {
            List<KeyRow> page = jdbc.query("SELECT key_id, keyset FROM personal_data_key WHERE key_id > ? ORDER BY key_id"
                    + " FETCH FIRST " + REWRAP_PAGE + " ROWS ONLY", (rs, n) -> new KeyRow(rs.getString(1), rs.getBytes(2)),
                    after);
            for (KeyRow row : page) {
                if (stopped.getAsBoolean()) {
                    break;
                }
                if (!opens(master, row.id(), row.keyset()) && rewrapOne(row.id())) {
                    rewrapped++;
                }
            }
            if (page.size() < REWRAP_PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        forget();
        return rewrapped;
    }

    /** Wraps one key anew under a row lock, unless another instance did so first (or erased it) in the meantime. */
    private boolean rewrapOne(String id) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            List<byte[]> rows = jdbc.query("SELECT keyset FROM personal_data_key WHERE key_id = ? FOR UPDATE",
                    (rs, n) -> rs.getBytes(1), id);
            if (rows.isEmpty() || opens(master, id, rows.get(0))) {
                return false;
            }
            KeysetHandle handle = parse(previous, id, rows.get(0));
            jdbc.update("UPDATE personal_data_key SET keyset = ? WHERE key_id = ?", wrap(handle, id), id);
            return true;
        }));
    }

    /**
     * Checks that the current master key opens the stored keys (one of them, if any, and the previous master key
     * may open it instead during a rotation).
     *
     * @throws IllegalStateException naming INCIDENTS_MASTER_KEY when it does not
     */
    public void checkMasterKey() {
        List<KeyRow> some = jdbc.query("SELECT key_id, keyset FROM personal_data_key ORDER BY created_at DESC"
                + " FETCH FIRST 1 ROWS ONLY", (rs, n) -> new KeyRow(rs.getString(1), rs.getBytes(2)));
        for (KeyRow row : some) {
            if (!opens(master, row.id(), row.keyset()) && (previous == null || !opens(previous, row.id(), row.keyset()))) {
                throw new IllegalStateException("INCIDENTS_MASTER_KEY does not open the stored keys of personal data: "
                        + "it is not the master key they were wrapped with. To change the master key, start once with "
                        + "the new one as INCIDENTS_MASTER_KEY and the old one as INCIDENTS_PREVIOUS_MASTER_KEY.");
            }
        }
    }

    private record KeyRow(String id, byte[] keyset) {
    }

    /**
     * Forgets the unwrapped keys now, and again once the deleting transaction ended: until it commits, another
     * transaction still sees the deleted key and could cache it again.
     */
    private void forgetNowAndAfterCommit() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    /**
     * Forgets every unwrapped key, so the next use reads the table again: the other service calls it when it learns
     * of an erasure, so that it stops reading the erased data at once rather than when its cache expires.
     */
    public void forget() {
        byOwner.invalidateAll();
        byId.invalidateAll();
    }

    private Key keyOf(Owner owner) {
        Key cached = byOwner.getIfPresent(owner);
        if (cached != null) {
            return cached;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            Key key = byOwner.get(owner, missing -> loadOrCreate(missing).key());
            byId.put(key.id(), key.aead());
            return key;
        }
        // In a transaction: what it reads or creates becomes known to the others only once it committed.
        PendingKeys pending = pendingOfThisTransaction(true);
        Key committed = pending.committed().get(owner);
        if (committed != null) {
            return committed;
        }
        Key created = pending.created().get(owner);
        if (created != null) {
            if (stored(List.of(created.id())).contains(created.id())) {
                return created;
            }
            pending.created().remove(owner); // made in a savepoint that was rolled back since: made again below
        }
        Made made = loadOrCreate(owner);
        (made.created() ? pending.created() : pending.committed()).put(owner, made.key());
        return made.key();
    }

    /**
     * The keys of the transaction in progress, held by a synchronization of it (found among its synchronizations,
     * which a suspended outer transaction's are not, so an inner transaction's key is never cached by the outer's
     * commit); registered when {@code register} and there is none yet, else null.
     */
    private PendingKeys pendingOfThisTransaction(boolean register) {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof PendingKeys pending && pending.keys() == this) {
                return pending;
            }
        }
        if (!register) {
            return null;
        }
        PendingKeys pending = new PendingKeys(this, new HashMap<>(), new HashMap<>());
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /**
     * The keys one transaction read ({@code committed}: stored before it began, or by another transaction since) and
     * those it created. A created key is used again in the transaction only while its row is there (a savepoint it
     * was made in may have been rolled back since), and once the transaction committed, only a created key whose row
     * was still there just before the commit is cached: a key whose row is gone is never used again.
     */
    private record PendingKeys(PersonalDataKeys keys, Map<Owner, Key> committed, Map<Owner, Key> created)
            implements TransactionSynchronization {
        @Override
        public void beforeCommit(boolean readOnly) {
            if (created.isEmpty()) {
                return;
            }
            Set<String> stored = keys.stored(created.values().stream().map(Key::id).toList());
            created.values().removeIf(key -> !stored.contains(key.id()));
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                committed.forEach(keys::remember);
                created.forEach(keys::remember);
            }
        }
    }

    private void remember(Owner owner, Key key) {
        byOwner.put(owner, key);
        byId.put(key.id(), key.aead());
    }

    /** Which of these key ids have a row, as this transaction sees the table. */
    private Set<String> stored(List<String> keyIds) {
        String marks = String.join(", ", Collections.nCopies(keyIds.size(), "?"));
        return new HashSet<>(jdbc.queryForList("SELECT key_id FROM personal_data_key WHERE key_id IN (" + marks + ")",
                String.class, keyIds.toArray()));
    }

    /** A key, and whether this call created it (in the transaction in progress, if any). */
    private record Made(Key key, boolean created) {
    }

    private Made loadOrCreate(Owner owner) {
        Optional<Key> existing = load(owner);
        if (existing.isPresent()) {
            return new Made(existing.get(), false);
        }
        String id = UUID.randomUUID().toString();
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV);
            byte[] wrapped = wrap(handle, id);
            savepoint.executeWithoutResult(status -> jdbc.update("""
                    INSERT INTO personal_data_key (key_id, incident_id, person_id, keyset, created_at)
                    VALUES (?, ?, ?, ?, ?)""", id, owner.incidentId(), owner.personId(), wrapped,
                    Timestamp.from(clock.instant())));
            return new Made(new Key(id, handle.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class)), true);
        } catch (DuplicateKeyException anotherWasFirst) {
            // Another transaction made it first (the insert waited for its commit): its key is the one.
            log.debug("The key of case {} was created by another transaction first", owner.incidentId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a key of personal data cannot be made", e);
        }
        return new Made(load(owner).orElseThrow(() -> new IllegalStateException("the key of personal data just created "
                + "for case " + owner.incidentId() + " cannot be read back")), false);
    }

    private Optional<Key> load(Owner owner) {
        List<KeyRow> rows = jdbc.query("SELECT key_id, keyset FROM personal_data_key WHERE incident_id = ? AND person_id = ?",
                (rs, n) -> new KeyRow(rs.getString(1), rs.getBytes(2)), owner.incidentId(), owner.personId());
        return rows.stream().findFirst().map(row -> new Key(row.id(), unwrap(row.id(), row.keyset())));
    }

    private DeterministicAead unwrap(String id, byte[] keyset) {
        try {
            KeysetHandle handle = previous != null && !opens(master, id, keyset) ? parse(previous, id, keyset)
                    : parse(master, id, keyset);
            return handle.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key of personal data " + id + " cannot be used", e);
        }
    }

    private byte[] wrap(KeysetHandle handle, String id) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master.aead(), associated(id));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a key of personal data cannot be wrapped", e);
        }
    }

    private static KeysetHandle parse(MasterKey with, String id, byte[] keyset) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(keyset, with.aead(), associated(id));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key of personal data " + id + " does not open with the master key: "
                    + "INCIDENTS_MASTER_KEY is not the key it was wrapped with", e);
        }
    }

    private static boolean opens(MasterKey with, String id, byte[] keyset) {
        try {
            TinkProtoKeysetFormat.parseEncryptedKeyset(keyset, with.aead(), associated(id));
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A wrapped keyset belongs to its row: moved to another key id it does not open. */
    private static byte[] associated(String keyId) {
        return ("personal_data_key:" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
