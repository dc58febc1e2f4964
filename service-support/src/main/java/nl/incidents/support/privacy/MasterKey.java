package nl.incidents.support.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master key (hoofdsleutel) that wraps every key of personal data before it is stored: 32 random bytes, given
 * in base64 ({@code openssl rand -base64 32}), used as AES-256-GCM through Google Tink. It never leaves the
 * process; the database holds only what it wrapped, so a copy of the database without it reads no personal data.
 */
public final class MasterKey {

    static final int SIZE = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        register();
    }

    private final Aead aead;

    private MasterKey(Aead aead) {
        this.aead = aead;
    }

    /** Registers Tink's AEAD and deterministic AEAD primitives; idempotent. */
    static void register() {
        try {
            AeadConfig.register();
            DeterministicAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's primitives cannot be registered", e);
        }
    }

    /**
     * The master key written in {@code base64}.
     *
     * @param setting the setting it came from, to name in the message when it is not 32 bytes in base64
     * @throws IllegalStateException when it is not 32 bytes in base64
     */
    public static MasterKey of(String base64, String setting) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != SIZE) {
            throw new IllegalStateException(setting + " is not a master key: it must be 32 random bytes in base64, "
                    + "such as the output of 'openssl rand -base64 32'");
        }
        try {
            AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(SIZE).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
            AesGcmKey key = AesGcmKey.builder().setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get())).build();
            KeysetHandle handle = KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key).withFixedId(1).makePrimary()).build();
            return new MasterKey(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master key in " + setting + " cannot be used", e);
        }
    }

    /** A new random master key, in base64. */
    public static String generate() {
        byte[] raw = new byte[SIZE];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    Aead aead() {
        return aead;
    }
}
