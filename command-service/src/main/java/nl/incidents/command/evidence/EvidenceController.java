package nl.incidents.command.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.AttachEvidence;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.time.TimePrecision;
import nl.incidents.support.IncidentsProperties;
import nl.incidents.support.directory.CurrentActor;
import nl.incidents.support.evidence.EvidenceStore;
import nl.incidents.support.web.PlainText;
import nl.incidents.support.web.ProblemAnswers;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Takes a piece of evidence (bewijsmateriaal) for a case: one file as a multipart form ({@code file}, and optionally
 * {@code description}). Its SHA-256 is computed over the bytes as received and its time taken from the service's
 * clock at receipt; the case decides whether the sender may attach it ({@code AttachEvidence}), and the bytes are
 * stored, encrypted with the case's key, in the same database transaction as the event (on the JDBC stores; on Axon
 * Server once the event is stored there). A refusal stores nothing.
 */
@RestController
class EvidenceController {

    /** The longest description, in characters. */
    static final int DESCRIPTION = 4000;
    /** The longest file name kept, in characters. */
    static final int FILE_NAME = 255;

    private final IncidentCommands commands;
    private final CurrentActor currentActor;
    private final EvidenceStore store;
    private final TransactionTemplate transaction;
    private final DataSize maxFileSize;
    private final String queryServiceUrl;

    EvidenceController(IncidentCommands commands, CurrentActor currentActor, EvidenceStore store,
                       PlatformTransactionManager transactions, IncidentsProperties properties,
                       @Value("${incidents.evidence.max-file-size}") DataSize maxFileSize) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.maxFileSize = maxFileSize;
        this.queryServiceUrl = properties.requiredQueryServiceUrl();
    }

    /** What was received: the evidence's id, its SHA-256 (hexadecimal) and when it was received. */
    record Received(String evidenceId, String sha256, Instant receivedAt) {
    }

    @PostMapping(path = "/api/incidents/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Attach evidence to the case: a screenshot, a PDF, a saved page or a text file",
            description = "The case's reporter, its manager, the one who holds it, or the board; nobody involved in the "
                    + "discussion; not on a closed case. Multipart form: `file` (PNG, JPEG, GIF, WebP, PDF, HTML, MHTML "
                    + "or plain text; at most `incidents.evidence.max-file-size`, 20 MB by default) and optionally "
                    + "`description`. The file is kept as received, encrypted with the case's key, never altered.")
    @ApiResponse(responseCode = "201", description = "Received and stored; Location is where the query service gives it back",
            headers = @Header(name = "Location", description = "The file on the query service", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Received.class)))
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.CONFLICT,
            HttpStatus.PAYLOAD_TOO_LARGE})
    ResponseEntity<Received> attach(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
                                    @RequestParam(name = "description", required = false) String description) throws IOException {
        Instant receivedAt = TimePrecision.kept(GenericEventMessage.clock.instant());
        if (file == null || file.isEmpty()) {
            throw RequestRefused.invalid("evidence.file.missing", "file", "Choose a file to attach: the form holds none, or an empty one.");
        }
        if (file.getSize() > maxFileSize.toBytes()) {
            throw tooLarge(maxFileSize);
        }
        String type = EvidenceTypes.of(file.getContentType(), file.getOriginalFilename()).orElseThrow(() ->
                RequestRefused.invalid("evidence.file.type", "file", "This kind of file cannot be attached. Attach "
                        + EvidenceTypes.IN_WORDS + "."));
        String fileName = fileName(file.getOriginalFilename(), type);
        String words = description == null || description.isBlank() ? null : description.strip();
        if (words != null && (words.length() > DESCRIPTION || !PlainText.Check.isPlain(words, true))) {
            throw RequestRefused.invalid("evidence.description.invalid", "description", "The description must be plain "
                    + "text of at most " + DESCRIPTION + " characters.");
        }
        byte[] content;
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(file.getInputStream(), sha256)) {
            content = in.readAllBytes();
        }
        String hash = HexFormat.of().formatHex(sha256.digest());
        UUID evidenceId = UUID.randomUUID();
        IncidentId incident = new IncidentId(id);
        transaction.executeWithoutResult(status -> {
            // The case decides first; its event and the bytes are committed together, or neither.
            commands.send(new AttachEvidence(incident, evidenceId, hash, receivedAt, content.length, type, fileName, words),
                    currentActor.get());
            store.put(new EvidenceStore.Stored(evidenceId, incident, hash, receivedAt, content.length, type), content);
        });
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(queryServiceUrl + "/api/incidents/" + id + "/evidence/" + evidenceId))
                .body(new Received(evidenceId.toString(), hash, receivedAt));
    }

    /** Refused as too large, naming the field {@code file} and the limit. */
    static RequestRefused tooLarge(DataSize limit) {
        return RequestRefused.invalid("evidence.file.too-large", "file", "The file is too large: a piece of evidence is "
                + "at most " + inWords(limit) + ".");
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
