package nl.incidents.directory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How many password attempts one account, and one network address, may make (wachtwoordpogingen).
 * Every attempt takes a token from the account's bucket and from the address's bucket <em>before</em>
 * the password is checked, so a refused attempt costs no bcrypt; a successful sign-in gives its
 * tokens back. Per account: 5 attempts at once, then one more every minute, and at most 10 in an
 * hour: guessing is slowed after the fifth wrong password and refused for the rest of the hour after
 * the tenth. Per address: 20 at once, then one every 15 seconds, and at most 100 in an hour (a
 * school's pupils and staff may share one address).
 *
 * <p>Buckets are kept in memory per process for an hour after their last use, at most 100,000 of
 * each kind (an attacker trying many names evicts old ones, but still spends the address's tokens).
 * Account names are compared without case. Thread-safe.
 */
public final class SignInLimiter {

    /** How long buckets are kept after their last attempt: the longest refill window. */
    static final Duration KEPT_FOR = Duration.ofHours(1);
    static final long MOST_KEPT = 100_000;

    private final TimeMeter clock;
    private final Cache<String, Bucket> accounts;
    private final Cache<String, Bucket> addresses;

    /** The limits above on the system clock. */
    public SignInLimiter() {
        this(TimeMeter.SYSTEM_MILLISECONDS, Ticker.systemTicker());
    }

    /**
     * The limits above on a clock of one's own, for a test that lets the wait pass without waiting.
     *
     * @param clock  the buckets' time (Bucket4j's)
     * @param ticker the time by which unused buckets are dropped (Caffeine's)
     */
    public SignInLimiter(TimeMeter clock, Ticker ticker) {
        this.clock = clock;
        this.accounts = Caffeine.newBuilder().expireAfterAccess(KEPT_FOR).maximumSize(MOST_KEPT).ticker(ticker).build();
        this.addresses = Caffeine.newBuilder().expireAfterAccess(KEPT_FOR).maximumSize(MOST_KEPT).ticker(ticker).build();
    }

    /**
     * Takes one attempt for the account and the address.
     *
     * @param account the name the person typed (any text; null counts as the empty name)
     * @param address the client's network address as the server sees it (null: only the account counts)
     * @return empty when the attempt may go ahead (check the password, then call {@link #succeeded} if
     *         it was right); otherwise how long until the next attempt is allowed, at least one second
     */
    public Optional<Duration> attempt(String account, String address) {
        Bucket accountBucket = accounts.get(key(account), k -> bucket(5, Duration.ofMinutes(1), 10));
        ConsumptionProbe forAccount = accountBucket.tryConsumeAndReturnRemaining(1);
        if (!forAccount.isConsumed()) {
            return Optional.of(wait(forAccount));
        }
        if (address != null) {
            ConsumptionProbe forAddress = addresses.get(address, k -> bucket(20, Duration.ofSeconds(15), 100))
                    .tryConsumeAndReturnRemaining(1);
            if (!forAddress.isConsumed()) {
                accountBucket.addTokens(1); // the account did not get to try
                return Optional.of(wait(forAddress));
            }
        }
        return Optional.empty();
    }

    /** The attempt allowed by {@link #attempt} was the right password: it does not count against either. */
    public void succeeded(String account, String address) {
        Bucket accountBucket = accounts.getIfPresent(key(account));
        if (accountBucket != null) {
            accountBucket.addTokens(1);
        }
        Bucket addressBucket = address == null ? null : addresses.getIfPresent(address);
        if (addressBucket != null) {
            addressBucket.addTokens(1);
        }
    }

    private Bucket bucket(long burst, Duration onePer, long perHour) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(1, onePer).build())
                .addLimit(Bandwidth.builder().capacity(perHour).refillIntervally(perHour, KEPT_FOR).build())
                .withCustomTimePrecision(clock)
                .build();
    }

    private static Duration wait(ConsumptionProbe probe) {
        return Duration.ofNanos(probe.getNanosToWaitForRefill()).plusMillis(999).withNanos(0);
    }

    /** The account name as the limiter keeps it: stripped, in lower case; null is the empty name. */
    static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}
