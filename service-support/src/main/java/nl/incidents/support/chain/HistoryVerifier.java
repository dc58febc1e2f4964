package nl.incidents.support.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks the hash chain ({@link HistoryChain}) of one case or of the whole store against the events as stored
 * (verificatie): recomputes each hashed event's hash from its stored form over the previous event's hash and
 * compares it with the hash it carries. Every event carries its hash (since the first release), so an event without one
 * is a fault ({@code HASH_MISSING}): stripping a case's hashes does not make it pass. The whole store is checked one case at a time, in the order
 * of the case ids, so memory does not grow with the store; on the way it recomputes the digest of all heads, now and
 * at the moments asked for (the kept daily digests), so a rewrite shows as a changed digest of an earlier day.
 */
public class HistoryVerifier {

    /** How many broken cases a store verification lists by name (it counts them all). */
    public static final int LISTED = 100;

    private final StoredEventSource stored;

    public HistoryVerifier(StoredEventSource stored) {
        this.stored = stored;
    }

    /** Checks one case; a case without events in the store is intact with no events (the caller says it is unknown). */
    public CaseVerification verifyCase(String caseId) {
        try (Stream<StoredEvent> events = stored.ofCase(caseId)) {
            return check(caseId, events.iterator(), List.of()).result();
        }
    }

    /** Checks every case, and recomputes the digest of the heads at each of {@code moments} (ordered as given). */
    public StoreVerification verifyStore(List<Instant> moments) {
        long cases = 0;
        long events = 0;
        long chainedCases = 0;
        long brokenCases = 0;
        List<CaseVerification> broken = new ArrayList<>();
        Digest now = new Digest(Instant.now());
        List<Digest> at = moments.stream().map(Digest::new).toList();
        try (Stream<String> ids = stored.caseIds()) {
            for (Iterator<String> it = ids.iterator(); it.hasNext(); ) {
                String caseId = it.next();
                Check check;
                try (Stream<StoredEvent> caseEvents = stored.ofCase(caseId)) {
                    check = check(caseId, caseEvents.iterator(), moments);
                }
                CaseVerification result = check.result();
                cases++;
                events += result.events();
                if (result.head() != null) {
                    chainedCases++;
                    now.add(caseId, result.head());
                }
                for (int i = 0; i < at.size(); i++) {
                    if (check.headsAt[i] != null) {
                        at.get(i).add(caseId, check.headsAt[i]);
                    }
                }
                if (!result.intact()) {
                    brokenCases++;
                    if (broken.size() < LISTED) {
                        broken.add(result);
                    }
                }
            }
        }
        return new StoreVerification(cases, events, chainedCases, brokenCases, List.copyOf(broken), now.result(),
                at.stream().map(Digest::result).toList());
    }

    /** The digest of the heads at {@code upTo} alone, without keeping what the verification found. */
    public HistoryDigest digestAt(Instant upTo) {
        return verifyStore(List.of(upTo)).digestsAt().get(0);
    }

    private static Check check(String caseId, Iterator<StoredEvent> events, List<Instant> moments) {
        Check check = new Check(caseId, moments);
        while (events.hasNext()) {
            check.next(events.next());
        }
        return check;
    }

    /** One case's chain, followed event by event. */
    private static final class Check {

        private final String caseId;
        private final List<Instant> moments;
        private final String[] headsAt;
        private long expected;
        private byte[] previous = HistoryChain.GENESIS;
        private long events;
        private String head;
        private ChainBreak firstBreak;

        Check(String caseId, List<Instant> moments) {
            this.caseId = caseId;
            this.moments = moments;
            this.headsAt = new String[moments.size()];
        }

        void next(StoredEvent event) {
            events++;
            if (event.sequenceNumber() != expected) {
                fault(event, ChainBreak.Kind.MISSING_OR_REORDERED);
            }
            expected = event.sequenceNumber() + 1;
            HistoryChain.MetaData metaData;
            try {
                metaData = HistoryChain.readMetaData(event.metaData());
            } catch (IllegalArgumentException unreadable) {
                fault(event, ChainBreak.Kind.CHANGED);
                previous = HistoryChain.GENESIS;
                return;
            }
            if (metaData.hash() == null) {
                // Every event has carried its hash since the first release, so an event without one had it taken
                // away: stripping every hash of a case must not make it pass as a case from before the chain.
                fault(event, ChainBreak.Kind.HASH_MISSING);
                previous = HistoryChain.GENESIS;
                return;
            }
            byte[] kept = HistoryChain.fromHex(metaData.hash());
            if (!HistoryChain.same(HistoryChain.hash(previous, event, metaData), kept)) {
                fault(event, ChainBreak.Kind.CHANGED);
            }
            previous = kept;
            head = metaData.hash();
            for (int i = 0; i < moments.size(); i++) {
                if (!event.timestamp().isAfter(moments.get(i))) {
                    headsAt[i] = head;
                }
            }
        }

        private void fault(StoredEvent event, ChainBreak.Kind kind) {
            if (firstBreak == null) {
                firstBreak = new ChainBreak(event.sequenceNumber(), event.eventId(), event.shortType(), kind);
            }
        }

        CaseVerification result() {
            return new CaseVerification(caseId, firstBreak == null, events, head, firstBreak);
        }
    }

    /** A digest of heads in the making. */
    private static final class Digest {

        private final Instant upTo;
        private final MessageDigest sha = HistoryChain.sha256();
        private long cases;

        Digest(Instant upTo) {
            this.upTo = upTo;
        }

        void add(String caseId, String head) {
            sha.update((caseId + " " + head + "\n").getBytes(StandardCharsets.UTF_8));
            cases++;
        }

        HistoryDigest result() {
            return new HistoryDigest(upTo, cases, HistoryChain.hex(sha.digest()));
        }
    }
}
