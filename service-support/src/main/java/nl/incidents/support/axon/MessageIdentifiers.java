package nl.incidents.support.axon;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.axonframework.common.IdentifierFactory;

/**
 * The identifiers of every message Axon makes (events, commands, queries, their results): random (version 4) UUIDs
 * as before, drawn from a generator per thread instead of {@link UUID#randomUUID()}'s one {@link SecureRandom}, whose
 * lock every thread of the service queued on for every message. Axon finds this class through
 * {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 * <p>
 * An identifier must be unique, never secret: nothing grants access by knowing one (an inbox entry is marked read only
 * by its recipient, a dead letter is retried only by the board, and the hash chain is public to its readers). Each
 * thread's generator is Java's {@code L64X128MixRandom} (192 bits of state, a period of 2<sup>192</sup>) seeded with
 * 192 bits of {@link SecureRandom} when the thread makes its first identifier, so two threads, two processes or two
 * restarts share a sequence only by a chance like two random UUIDs' meeting. No library was needed: none in the
 * build's reach offers more than this.
 */
public final class MessageIdentifiers extends IdentifierFactory {

    private static final SecureRandom SEEDS = new SecureRandom();
    private static final RandomGeneratorFactory<RandomGenerator> KIND = RandomGeneratorFactory.of("L64X128MixRandom");
    private static final ThreadLocal<RandomGenerator> PER_THREAD = ThreadLocal.withInitial(() -> {
        byte[] seed = new byte[24];
        synchronized (SEEDS) {
            SEEDS.nextBytes(seed);
        }
        return KIND.create(seed);
    });

    /** Needed by the service loader. */
    public MessageIdentifiers() {
    }

    @Override
    public String generateIdentifier() {
        return next().toString();
    }

    /** A random (version 4, IETF variant) UUID from this thread's generator. */
    static UUID next() {
        RandomGenerator random = PER_THREAD.get();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
