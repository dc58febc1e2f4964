package nl.incidents.command.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.AttachEvidence;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.time.TimePrecision;
import nl.incidents.support.evidence.EvidenceStore;
import nl.incidents.support.web.PlainText;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Takes in one piece of evidence (bewijsmateriaal) for a case: checks the file (not empty, at most {@code
 * incidents.evidence.max-file-size}, of an accepted kind, {@link EvidenceTypes}) and its description, takes the time of
 * receipt from the service's clock and the SHA-256 over the bytes as received, then lets the case decide ({@code
 * AttachEvidence}) and stores the bytes, encrypted with the case's key, in the same database transaction as the event
 * (on the JDBC stores; on Axon Server the row commits once the event is stored there). A refusal stores nothing.
 */
@Component
class EvidenceIntake {

    /** The longest description, in characters. */
    static final int DESCRIPTION = 4000;
    /** The longest file name kept, in characters. */
    static final int FILE_NAME = 255;

    private final IncidentCommands commands;
    private final EvidenceStore store;
    private final TransactionTemplate transaction;
    private final DataSize maxFileSize;

    EvidenceIntake(IncidentCommands commands, EvidenceStore store, PlatformTransactionManager transactions,
                   @Value("${incidents.evidence.max-file-size}") DataSize maxFileSize) {
        this.commands = commands;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.maxFileSize = maxFileSize;
    }

    /**
     * A file as it arrived: its name and declared type as the sender gave them (either may be null), its size in
     * bytes, its bytes, and what it shows in the sender's words (or null).
     */
    record Upload(String fileName, String declaredType, long sizeBytes, InputStream content, String description) {
    }

    /** What was kept: the evidence's id, the SHA-256 of its bytes (hexadecimal) and when it was received. */
    record Kept(UUID evidenceId, String sha256, Instant receivedAt) {
    }

    /**
     * @throws RequestRefused invalid, naming {@code file} or {@code description}, for a file or a description that
     *                        cannot be taken; or the case's refusal (forbidden, not found, conflict)
     */
    Kept attach(IncidentId incident, Upload upload, Actor actor) throws IOException {
        Instant receivedAt = TimePrecision.kept(GenericEventMessage.clock.instant());
        if (upload.sizeBytes() <= 0) {
            throw RequestRefused.invalid("evidence.file.missing", "file",
                    "Choose a file to attach: the form holds none, or an empty one.");
        }
        if (upload.sizeBytes() > maxFileSize.toBytes()) {
            throw RequestRefused.invalid("evidence.file.too-large", "file", "The file is too large: a piece of evidence "
                    + "is at most " + inWords(maxFileSize) + ".");
        }
        String type = EvidenceTypes.of(upload.declaredType(), upload.fileName()).orElseThrow(() ->
                RequestRefused.invalid("evidence.file.type", "file", "This kind of file cannot be attached. Attach "
                        + EvidenceTypes.IN_WORDS + "."));
        String words = upload.description() == null || upload.description().isBlank() ? null : upload.description().strip();
        if (words != null && (words.length() > DESCRIPTION || !PlainText.Check.isPlain(words, true))) {
            throw RequestRefused.invalid("evidence.description.invalid", "description", "The description must be plain "
                    + "text of at most " + DESCRIPTION + " characters.");
        }
        MessageDigest sha256 = sha256();
        byte[] content;
        try (InputStream in = new DigestInputStream(upload.content(), sha256)) {
            content = in.readAllBytes();
        }
        String hash = HexFormat.of().formatHex(sha256.digest());
        UUID evidenceId = UUID.randomUUID();
        String fileName = fileName(upload.fileName(), type);
        transaction.executeWithoutResult(status -> {
            // The case decides first; its event and the bytes are committed together, or neither.
            commands.send(new AttachEvidence(incident, evidenceId, hash, receivedAt, content.length, type, fileName, words),
                    actor);
            store.put(new EvidenceStore.Stored(evidenceId, incident, hash, receivedAt, content.length, type), content);
        });
        return new Kept(evidenceId, hash, receivedAt);
    }

    static String inWords(DataSize size) {
        return size.toMegabytes() >= 1 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }

    /** The name as sent, without a path, kept to its last {@value #FILE_NAME} characters; a name of its own when none. */
    private static String fileName(String sent, String type) {
        String name = sent == null ? "" : sent.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || !PlainText.Check.isPlain(name, false)) {
            name = "evidence." + switch (type) {
                case "image/png" -> "png";
                case "image/jpeg" -> "jpg";
                case "image/gif" -> "gif";
                case "image/webp" -> "webp";
                case "application/pdf" -> "pdf";
                case "text/html" -> "html";
                case "multipart/related" -> "mhtml";
                default -> "txt";
            };
        }
        return name.length() > FILE_NAME ? name.substring(name.length() - FILE_NAME) : name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
