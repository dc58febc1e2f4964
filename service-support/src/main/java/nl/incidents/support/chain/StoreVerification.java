package nl.incidents.support.chain;

import java.util.List;

/**
 * The result of checking every case in the store (controle van de hele geschiedenis).
 *
 * @param cases         how many cases were checked
 * @param events        how many events they hold
 * @param chainedCases  how many cases have at least one hashed event
 * @param brokenCases   how many cases are not intact
 * @param broken        the cases that are not intact, in case-id order, at most {@link HistoryVerifier#LISTED} of them
 * @param heads         the digest of every case's current head
 * @param digestsAt     the digest at each moment asked for, recomputed from the store as it is now, in the order asked
 */
public record StoreVerification(long cases, long events, long chainedCases, long brokenCases,
                                List<CaseVerification> broken, HistoryDigest heads, List<HistoryDigest> digestsAt) {

    public boolean intact() {
        return brokenCases == 0;
    }
}
