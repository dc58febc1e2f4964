package nl.incidents.command.integrity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.incidents.support.chain.CaseVerification;
import nl.incidents.support.chain.HistoryDigest;
import nl.incidents.support.chain.HistoryVerifier;
import nl.incidents.support.chain.StoreVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The whole store's verification and the daily digest of the chain heads (dagelijkse samenvatting). The digest of a
 * day covers every event stamped up to the end of that day, Dutch time; it is written to the log (case counts and
 * hashes only, never what a case holds), to the metrics {@code incidents_history_digest_prefix} (its first 6 bytes
 * as a number) and {@code incidents_history_chained_cases}, and kept in {@code history_digest}. Every verification of
 * the store recomputes the kept days' digests from the store as it is now: a day whose digest changed had its history
 * rewritten afterwards.
 */
@Component
class HistoryIntegrity {

    /** The days are Dutch days. */
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private static final Logger log = LoggerFactory.getLogger(HistoryIntegrity.class);

    private final HistoryVerifier verifier;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong digestPrefix = new AtomicLong();
    private final AtomicLong chainedCases = new AtomicLong();
    private final AtomicLong brokenCases = new AtomicLong();

    HistoryIntegrity(HistoryVerifier verifier, JdbcClient jdbc, MeterRegistry meters) {
        this.verifier = verifier;
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
        Gauge.builder("incidents.history.digest.prefix", digestPrefix, AtomicLong::get)
                .description("The first 6 bytes of the last daily digest of the chain heads, as a number: changes with every digest")
                .register(meters);
        Gauge.builder("incidents.history.chained.cases", chainedCases, AtomicLong::get)
                .description("Cases with a hashed event in the last daily digest").register(meters);
        Gauge.builder("incidents.history.broken.cases", brokenCases, AtomicLong::get)
                .description("Cases whose hash chain was broken at the last verification of the whole store").register(meters);
    }

    /** A kept day's digest, and what the store gives for it now. */
    record DayCheck(LocalDate day, Instant upTo, String kept, String now) {

        boolean unchanged() {
            return kept.equals(now);
        }
    }

    /** The store's verification with the kept days' digests recomputed. */
    record StoreReport(StoreVerification verification, List<DayCheck> days) {

        List<DayCheck> changedDays() {
            return days.stream().filter(d -> !d.unchanged()).toList();
        }

        boolean intact() {
            return verification.intact() && changedDays().isEmpty();
        }
    }

    CaseVerification verifyCase(String caseId) {
        return verifier.verifyCase(caseId);
    }

    /** Checks every case and every kept day's digest; logs and counts what it finds broken. */
    StoreReport verifyStore() {
        return verifyStore(List.of());
    }

    private StoreReport verifyStore(List<Instant> alsoAt) {
        record Kept(LocalDate day, Instant upTo, String digest) {
        }
        List<Kept> kept = jdbc.sql("SELECT digest_day, up_to, digest FROM history_digest ORDER BY digest_day")
                .query((rs, row) -> new Kept(rs.getObject("digest_day", LocalDate.class),
                        rs.getObject("up_to", OffsetDateTime.class).toInstant(), rs.getString("digest")))
                .list();
        List<Instant> moments = new ArrayList<>(kept.stream().map(Kept::upTo).toList());
        moments.addAll(alsoAt);
        StoreVerification verification = verifier.verifyStore(moments);
        List<DayCheck> days = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            days.add(new DayCheck(kept.get(i).day(), kept.get(i).upTo(), kept.get(i).digest(),
                    verification.digestsAt().get(i).digest()));
        }
        StoreReport report = new StoreReport(verification, List.copyOf(days));
        brokenCases.set(verification.brokenCases());
        for (CaseVerification broken : verification.broken()) {
            log.error("The history of case {} is broken at event {} (number {}, {}): {}", broken.caseId(),
                    broken.firstBreak().eventId(), broken.firstBreak().sequenceNumber(), broken.firstBreak().type(),
                    broken.firstBreak().kind());
        }
        for (DayCheck day : report.changedDays()) {
            log.error("The history digest of {} changed: kept {}, the store now gives {}: history up to {} was rewritten",
                    day.day(), day.kept(), day.now(), day.upTo());
        }
        log.info("History verified: {} cases, {} events, {} broken; {} kept daily digests checked, {} changed",
                verification.cases(), verification.events(), verification.brokenCases(), days.size(),
                report.changedDays().size());
        return report;
    }

    /**
     * The digest of the day that ended last (Dutch time) before {@code now}, with a check of the whole store. A day
     * already kept is not written again: the kept digest is the record, and the check says whether it still holds.
     */
    HistoryDigest dailyDigest(Instant now) {
        LocalDate day = now.atZone(ZONE).toLocalDate().minusDays(1);
        Instant upTo = day.plusDays(1).atStartOfDay(ZONE).toInstant().minusMillis(1);
        StoreReport report = verifyStore(List.of(upTo));
        List<HistoryDigest> digests = report.verification().digestsAt();
        HistoryDigest digest = digests.get(digests.size() - 1);
        int written = jdbc.sql("""
                        INSERT INTO history_digest (digest_day, up_to, computed_at, chained_cases, digest, broken_cases)
                        SELECT :day, :upTo, :now, :cases, :digest, :broken
                        WHERE NOT EXISTS (SELECT 1 FROM history_digest WHERE digest_day = :day)""")
                .param("day", day).param("upTo", upTo.atOffset(ZoneOffset.UTC)).param("now", now.atOffset(ZoneOffset.UTC))
                .param("cases", digest.chainedCases()).param("digest", digest.digest())
                .param("broken", report.verification().brokenCases())
                .update();
        digestPrefix.set(digest.prefix());
        chainedCases.set(digest.chainedCases());
        log.info("History digest of {} (events up to {}): {} chained cases, digest {}{}", day, upTo,
                digest.chainedCases(), digest.digest(), written == 0 ? " (the day was already kept)" : "");
        return digest;
    }

    /** The digest of the last day that ended, at the moment of asking. */
    HistoryDigest dailyDigest() {
        return dailyDigest(clock.instant());
    }
}
