package nl.incidents.command.evidence;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * The kinds of file a case takes as evidence: screenshots (PNG, JPEG, GIF, WebP), PDF, saved web pages (HTML, and
 * MHTML as {@code multipart/related}) and plain text. A file's type is the one its sender declares, or, where the
 * browser declares none or only {@code application/octet-stream}, the one its name's extension stands for.
 */
final class EvidenceTypes {

    static final Map<String, String> ACCEPTED = Map.of(
            "image/png", "PNG", "image/jpeg", "JPEG", "image/gif", "GIF", "image/webp", "WebP",
            "application/pdf", "PDF", "text/html", "HTML", "multipart/related", "MHTML",
            "message/rfc822", "MHTML", "text/plain", "text");

    /** In words, for a refusal. */
    static final String IN_WORDS = "a screenshot (PNG, JPEG, GIF or WebP), a PDF, a saved web page (HTML or MHTML) or "
            + "a plain text file";

    private EvidenceTypes() {
    }

    /** The accepted media type of this file, without parameters; empty when it is none of them. */
    static Optional<String> of(String declared, String fileName) {
        Optional<String> type = parse(declared);
        if (type.isEmpty() || type.get().equals("application/octet-stream")) {
            type = byName(fileName);
        }
        return type.filter(ACCEPTED::containsKey).map(t -> t.equals("message/rfc822") ? "multipart/related" : t);
    }

    private static Optional<String> byName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mhtml") || lower.endsWith(".mht")) {
            return Optional.of("multipart/related");
        }
        return MediaTypeFactory.getMediaType(fileName).map(t -> t.getType() + "/" + t.getSubtype());
    }

    private static Optional<String> parse(String declared) {
        if (declared == null || declared.isBlank()) {
            return Optional.empty();
        }
        try {
            MediaType type = MediaType.parseMediaType(declared);
            return Optional.of((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
        } catch (InvalidMediaTypeException unreadable) {
            return Optional.empty();
        }
    }
}
