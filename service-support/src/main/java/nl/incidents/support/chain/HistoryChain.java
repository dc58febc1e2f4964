package nl.incidents.support.chain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hash chain over a case's history (hashketen): every stored event carries, in its metadata under
 * {@value #KEY}, a SHA-256 hash (FIPS 180-4) of its stored form chained over the hash of the case's previous event.
 * Changing, removing or reordering a stored event breaks the chain at that event; rewriting the chain from there on
 * changes the case's last hash (its head), which the daily digest of all heads records.
 *
 * <p>The hash of an event is SHA-256 over, in this order, each variable-length part preceded by its length as a
 * 4-byte big-endian number:
 * <ol>
 *   <li>the previous hash (32 bytes): the hash of the case's previous event, or {@link #GENESIS} for the case's first
 *       event (and after an event without a hash, which the verification reports as missing);</li>
 *   <li>the event identifier, the case id (UTF-8);</li>
 *   <li>the sequence number (8 bytes, big-endian) and the time stamp in milliseconds since 1970 UTC (8 bytes; both
 *       stores keep the time to the millisecond);</li>
 *   <li>the payload type and revision (UTF-8; no revision is the empty text);</li>
 *   <li>the serialized payload, byte for byte as stored;</li>
 *   <li>the metadata without {@value #KEY}, as JSON with its keys sorted and no white space (the JSON the store
 *       holds, parsed and written in that canonical form: Axon Server keeps metadata as separate values rather than
 *       one serialized text, so only its content can be the same in both stores).</li>
 * </ol>
 * The hash is kept as 64 lower-case hexadecimal digits.
 */
public final class HistoryChain {

    /** The metadata key of an event's hash. */
    public static final String KEY = "chain";

    /** What the first hashed event of a case chains over: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[32];

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private HistoryChain() {
    }

    /** The metadata of a stored event, read once: its hash (null when it has none) and its canonical form for hashing. */
    public record MetaData(String hash, byte[] canonical) {
    }

    /**
     * Reads serialized metadata (a JSON object; null or empty is none).
     *
     * @throws IllegalArgumentException when it is not a JSON object, names a key twice, or its {@value #KEY} is not a
     *                                  hash (64 hexadecimal digits)
     */
    public static MetaData readMetaData(byte[] serialized) {
        Map<String, Object> entries;
        if (serialized == null || serialized.length == 0) {
            entries = new LinkedHashMap<>();
        } else {
            try {
                entries = JSON.readValue(serialized, OBJECT);
            } catch (IOException e) {
                throw new IllegalArgumentException("the metadata is not a JSON object", e);
            }
            if (entries == null) {
                entries = new LinkedHashMap<>();
            }
        }
        Object hash = entries.remove(KEY);
        if (hash != null && !(hash instanceof String text && isHash(text))) {
            throw new IllegalArgumentException("the metadata's " + KEY + " is not a hash");
        }
        try {
            return new MetaData((String) hash, JSON.writeValueAsBytes(entries));
        } catch (IOException e) {
            throw new IllegalStateException("metadata read from JSON could not be written as JSON", e);
        }
    }

    /** The hash of {@code event} chained over {@code previous}, with its metadata already read by {@link #readMetaData}. */
    public static byte[] hash(byte[] previous, StoredEvent event, MetaData metaData) {
        if (previous.length != 32) {
            throw new IllegalArgumentException("a previous hash has 32 bytes");
        }
        MessageDigest sha = sha256();
        sha.update(previous);
        part(sha, event.eventId().getBytes(StandardCharsets.UTF_8));
        part(sha, event.caseId().getBytes(StandardCharsets.UTF_8));
        sha.update(ByteBuffer.allocate(16).putLong(event.sequenceNumber()).putLong(event.timestamp().toEpochMilli()).array());
        part(sha, event.payloadType().getBytes(StandardCharsets.UTF_8));
        part(sha, (event.payloadRevision() == null ? "" : event.payloadRevision()).getBytes(StandardCharsets.UTF_8));
        part(sha, event.payload());
        part(sha, metaData.canonical());
        return sha.digest();
    }

    /** Whether {@code text} is a hash as kept: 64 lower-case hexadecimal digits. */
    public static boolean isHash(String text) {
        return text.length() == 64 && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    public static byte[] fromHex(String hash) {
        return HEX.parseHex(hash);
    }

    /** Whether two hashes are the same, in time independent of where they differ. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static boolean isGenesis(byte[] hash) {
        return Arrays.equals(hash, GENESIS);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void part(MessageDigest sha, byte[] bytes) {
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }
}
