package nl.incidents.kernel.logging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a log line says instead of a person's name, e-mail address, account or network address (pseudoniem): logs carry
 * no personal data (AVG art. 5(1)(c), data minimisation; art. 32), only ids of cases and events, and this. The same
 * value gives the same pseudonym for as long as the process runs, so an operator can see that five failed sign-ins
 * came from one account, without the log saying which; after a restart the pseudonyms differ, so a log kept for
 * years links nobody across them. A pseudonym is {@code #} and 12 hexadecimal digits of an HMAC-SHA256 under a random
 * key that never leaves the process.
 */
public final class Pseudonym {

    private static final SecretKeySpec KEY = randomKey();

    private Pseudonym() {
    }

    /**
     * @param value a name, address, account or person id; may be null or empty
     * @return {@code #} and 12 hexadecimal digits; {@code #none} for null or empty
     */
    public static String of(String value) {
        if (value == null || value.isEmpty()) {
            return "#none";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(KEY);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static SecretKeySpec randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
