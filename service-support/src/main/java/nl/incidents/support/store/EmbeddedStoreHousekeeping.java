package nl.incidents.support.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The embedded store's housekeeping, done by the service that owns the file, because H2 does none of it
 * with {@code WRITE_DELAY=0}.
 * <p>
 * H2's MVStore writes every commit as a new chunk at the file's end (about 35 KB for a one-row commit: the
 * changed pages of every tree it touched). A chunk whose pages were all replaced is freed once it is older than
 * the retention time ({@code RETENTION_TIME}) and its space is reused; a chunk that still holds one live page
 * (the event table's last leaf, an index page) stays, almost empty, until H2 rewrites its live pages elsewhere.
 * That rewriting is done only by MVStore's background writer, and {@code WRITE_DELAY=0}, which the command
 * service needs so that an answered command is in the file before the answer, switches the background writer
 * off. Without this class the file grew by about 1.5 MB/s under 400 commits/s, for ever, at a tenth of that
 * in live data.
 * <p>
 * So every {@code interval} (one second by default) this does what H2's background writer would: it forces the
 * file to disk ({@code fsync}), rewrites the live pages of chunks that are less than {@value #TARGET_FILL_RATE} %
 * live and older than the retention time (at most H2's own auto-commit budget, about 19 MB, per round), commits
 * those rewritten pages as any commit is written, and, once less than {@value #MOVE_BELOW_FILL_RATE} % of the file is
 * in use, moves chunks into the holes so that the file can shrink (at most a quarter of that budget per round: a move
 * holds H2's store lock, which every commit waits for, so a small move keeps that wait short). Each step is one of
 * H2's own public MVStore operations under H2's own locks, operations its background writer uses too (which moves
 * chunks under the same kind of condition, and only when it gets the lock at once); between moves, the space a freed
 * chunk leaves is reused by the next commits, so the file stays near its peak rather than growing.
 * The query service's TCP sessions are sessions of the same database: a page one of them still reads is not
 * overwritten (H2 keeps every version an open transaction uses). A {@code kill -9} during a round loses nothing
 * that was answered: a commit is in the file before it returns, and rewriting writes new chunks before the old
 * ones are freed.
 * <p>
 * A round that fails is logged and the next one runs as usual; once the database is closed, rounds do nothing.
 */
public final class EmbeddedStoreHousekeeping implements DisposableBean {

    /** Chunks less full than this (percent live) are rewritten: H2's own default {@code AUTO_COMPACT_FILL_RATE}. */
    static final int TARGET_FILL_RATE = 90;
    /** Chunks are moved together only when less of the file than this (percent) is in use. */
    static final int MOVE_BELOW_FILL_RATE = 50;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreHousekeeping.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService rounds;
    /** Only touched by the housekeeping thread. */
    private MVStore store;

    /**
     * Starts the rounds, each {@code interval} after the previous one ended.
     *
     * @param dataSource the owning service's pool on the {@code jdbc:h2:file:} database; a connection is borrowed
     *                   only to find the database's MVStore (at the first round and after the database reopened)
     * @param interval   the pause between rounds, positive
     */
    EmbeddedStoreHousekeeping(DataSource dataSource, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The embedded store's housekeeping interval must be positive: " + interval);
        }
        this.dataSource = dataSource;
        this.rounds = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "embedded-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        rounds.scheduleWithFixedDelay(this::roundLogged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void roundLogged() {
        try {
            round();
        } catch (RuntimeException | SQLException e) {
            log.warn("The embedded store's housekeeping round failed; the next one runs as usual", e);
        }
    }

    /** One round of housekeeping (see the class); nothing when the database is closed. */
    void round() throws SQLException {
        MVStore mvStore = store();
        if (mvStore == null) {
            return;
        }
        long started = System.nanoTime();
        mvStore.sync();
        int budget = mvStore.getAutoCommitMemory();
        boolean rewritten = mvStore.compact(TARGET_FILL_RATE, budget);
        if (rewritten) {
            mvStore.commit();
        }
        if (mvStore.getFileStore() instanceof RandomAccessStore file && !mvStore.isClosed()
                && file.getFillRate() < MOVE_BELOW_FILL_RATE) {
            file.compactMoveChunks(TARGET_FILL_RATE, budget / 4, mvStore);
        }
        if (log.isDebugEnabled() && !mvStore.isClosed()) {
            log.debug("Housekeeping round in {} ms: file {} MB, {} % of it in use, its chunks {} % live; sparse chunks "
                            + "rewritten: {}", (System.nanoTime() - started) / 1_000_000,
                    mvStore.getFileStore().size() / 1_000_000, mvStore.getFillRate(),
                    mvStore.getFileStore().getChunksFillRate(), rewritten);
        }
    }

    private MVStore store() throws SQLException {
        if (store == null || store.isClosed()) {
            store = null;
            try (Connection connection = dataSource.getConnection()) {
                if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                        && session.getDatabase().isPersistent()) {
                    store = session.getDatabase().getStore().getMvStore();
                }
            }
        }
        return store;
    }

    @Override
    public void destroy() throws InterruptedException {
        // No interrupt: an interrupted file operation would close H2's file channel under the database.
        rounds.shutdown();
        rounds.awaitTermination(30, TimeUnit.SECONDS);
    }
}
