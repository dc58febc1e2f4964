package nl.incidents.support.chain;

import java.time.Instant;

/**
 * A digest of the heads of every case's chain (samenvatting van de ketenkoppen): SHA-256 (FIPS 180-4) over one line
 * per case that has a hashed event stamped at or before {@code upTo}, in the order of the case ids' UTF-16 code
 * units: {@code <case id> <hash of its last such event, 64 hexadecimal digits>\n}, in UTF-8. Kept outside the system,
 * it shows a later rewrite of any case's history up to that moment, even one that rewrote the chain consistently.
 *
 * @param upTo          the moment the heads were taken at: events stamped at or before it count
 * @param chainedCases  how many cases had a hashed event by then
 * @param digest        the digest, 64 hexadecimal digits
 */
public record HistoryDigest(Instant upTo, long chainedCases, String digest) {

    /**
     * The digest's first 6 bytes as a whole number (0 to 2^48 - 1): a number a metric carries exactly (a double holds
     * 53 bits), so that a dashboard or alert sees any change of the digest.
     */
    public long prefix() {
        return Long.parseLong(digest.substring(0, 12), 16);
    }
}
