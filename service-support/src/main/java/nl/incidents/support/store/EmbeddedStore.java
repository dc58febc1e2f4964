package nl.incidents.support.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's data directory: pupils' personal data, so the owner's only. The directory is
 * created {@code rwx------} (an existing one opened to others is closed again, with a warning), its
 * files {@code rw-------}, and the database's password is generated on first use and kept in
 * {@value #PASSWORD_FILE} beside the database, where both services read it; so is the master key of personal data
 * ({@value #MASTER_KEY_FILE}) unless INCIDENTS_MASTER_KEY gives one. On a file system without
 * POSIX permissions only the password is kept; the directory's protection is then the operator's.
 */
public final class EmbeddedStore {

    /** The database password's file in the data directory. */
    public static final String PASSWORD_FILE = "incidents.password";
    /** The master key of personal data's file in the data directory, when INCIDENTS_MASTER_KEY does not give one. */
    public static final String MASTER_KEY_FILE = "incidents.master-key";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final boolean posix;

    private EmbeddedStore(Path directory) {
        this.directory = directory;
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * The data directory at {@code directory}, created if need be, and made the owner's only together with
     * the files in it.
     *
     * @throws UncheckedIOException when it cannot be created or its permissions cannot be set (another
     *                              account owns it): the services then refuse to start
     */
    public static EmbeddedStore at(Path directory) {
        EmbeddedStore store = new EmbeddedStore(directory.toAbsolutePath().normalize());
        store.secure();
        return store;
    }

    public Path directory() {
        return directory;
    }

    /** Whether the database's password is still to be generated: no service has started on this directory yet. */
    public boolean passwordMissing() {
        return !Files.exists(directory.resolve(PASSWORD_FILE));
    }

    /** The database's password: read from {@value #PASSWORD_FILE}, or generated there on first use. */
    public String password() {
        return secret(PASSWORD_FILE, "database password", EmbeddedStore::generated);
    }

    /**
     * The master key of personal data (32 random bytes in base64): read from {@value #MASTER_KEY_FILE}, or generated
     * there on first use. Keep it with the database: without it the personal data in the database cannot be read.
     */
    public String masterKey(Supplier<String> generator) {
        return secret(MASTER_KEY_FILE, "master key", generator);
    }

    private String secret(String name, String what, Supplier<String> generator) {
        Path file = directory.resolve(name);
        try {
            if (!Files.exists(file)) {
                create(file, generator.get());
            }
            ownerOnly(file);
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (secret.isEmpty()) {
                throw new IllegalStateException("The " + what + " file " + file + " is empty: remove it only "
                        + "together with the database, or write the database's " + what + " into it");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the " + what + " in " + file, e);
        }
    }

    /** Makes every file in the directory (and in its sub-directories) the owner's only, as they are now. */
    public void secureFiles() {
        if (!posix) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                if (Files.isDirectory(path)) {
                    Files.setPosixFilePermissions(path, OWNER_ONLY_DIRECTORY);
                } else if (Files.isRegularFile(path)) {
                    ownerOnly(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the files in " + directory + " the owner's only", e);
        }
    }

    private void secure() {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                if (posix) {
                    Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
                }
                return;
            }
            if (posix && Files.getPosixFilePermissions(directory).stream().anyMatch(OTHERS::contains)) {
                log.warn("The data directory {} was open to other accounts on this machine; it is now its owner's "
                        + "only, and so are the files in it", directory);
            }
            secureFiles();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + directory
                    + " or make it its owner's only (rwx------)", e);
        }
    }

    private void ownerOnly(Path file) throws IOException {
        if (posix && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }

    /** Writes the file whole and owner-only before it appears: a service starting at the same moment reads either nothing or all of it. */
    private void create(Path file, String content) throws IOException {
        Path draft = posix
                ? Files.createTempFile(directory, ".password", ".draft", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : Files.createTempFile(directory, ".password", ".draft");
        try {
            Files.writeString(draft, content + "\n", StandardCharsets.UTF_8);
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException anotherServiceWasFirst) {
            // Its password stands.
        } catch (UnsupportedOperationException noHardLinks) {
            if (!Files.exists(file)) {
                Files.move(draft, file);
            }
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static String generated() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
