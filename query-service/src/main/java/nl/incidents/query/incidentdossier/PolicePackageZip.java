package nl.incidents.query.incidentdossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.query.AmsterdamTime;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link PolicePackage} as one ZIP ({@code application/zip}) for a criminal complaint (aangifte):
 * <ul>
 *   <li>{@code bewijs/01-<name>}, ...: every piece of evidence, byte for byte as it was received, numbered in the order
 *       it was received;</li>
 *   <li>{@code timeline.pdf}: the case's timeline in Dutch, times in Dutch time; {@code timeline.json}: the same lines
 *       with their codes and parameters;</li>
 *   <li>{@code manifest.json} and {@code manifest.csv}: for every other file in the ZIP its name, SHA-256 (hexadecimal),
 *       size in bytes, media type, and for evidence when it was received (ISO 8601 with its offset) and the role of who
 *       attached it; and the package's own creation time.</li>
 * </ul>
 * Anyone can check the package with {@code sha256sum}: the hashes are of the files as they are in the ZIP. A message
 * converter, as {@code SubjectAccessPdf} is; it only writes, and makes the whole ZIP in memory before any byte is sent.
 */
@Component
class PolicePackageZip extends AbstractHttpMessageConverter<PolicePackage> {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    private static final ResourceBundle WORDS = ResourceBundle.getBundle("incidentdossier.policepackage", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm:ss", Locale.forLanguageTag("nl"));
    private static final Font BODY = new Font(Font.HELVETICA, 8.5f);
    private static final Font BOLD = new Font(Font.HELVETICA, 8.5f, Font.BOLD);
    private static final Font TITLE = new Font(Font.HELVETICA, 15, Font.BOLD);
    private static final ObjectMapper JSON = AmsterdamTime.payloads().copy().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] COLUMNS = {"file", "kind", "sha256", "size_bytes", "media_type", "received_at",
            "attached_by_role"};

    PolicePackageZip() {
        super(ZIP);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return PolicePackage.class.isAssignableFrom(type);
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    protected PolicePackage readInternal(Class<? extends PolicePackage> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("A police package is only written, never read.", input);
    }

    @Override
    protected void writeInternal(PolicePackage pack, HttpOutputMessage output) throws IOException {
        byte[] zip = zip(pack);
        output.getHeaders().setContentLength(zip.length);
        output.getBody().write(zip);
    }

    /** One file of the package as the manifest lists it. */
    record Listed(String file, String kind, String sha256, long sizeBytes, String mediaType, Instant receivedAt,
                  String attachedByRole) {
    }

    static byte[] zip(PolicePackage pack) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Listed> listed = new ArrayList<>();
        int n = 0;
        for (EvidenceFile file : pack.files()) {
            IncidentDossier.EvidenceEntry entry = file.entry();
            String name = "bewijs/%02d-%s".formatted(++n, safe(entry.fileName()));
            files.put(name, file.content());
            listed.add(new Listed(name, "evidence", EvidenceQueries.sha256(file.content()), file.content().length,
                    entry.mediaType(), entry.receivedAt(), entry.attachedBy() == null ? null : entry.attachedBy().role().name()));
        }
        byte[] pdf = pdf(pack);
        files.put("timeline.pdf", pdf);
        listed.add(new Listed("timeline.pdf", "timeline", EvidenceQueries.sha256(pdf), pdf.length, "application/pdf", null, null));
        byte[] json = JSON.writeValueAsBytes(pack.timeline());
        files.put("timeline.json", json);
        listed.add(new Listed("timeline.json", "timeline", EvidenceQueries.sha256(json), json.length, "application/json",
                null, null));

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("incidentId", pack.incidentId().toString());
        manifest.put("createdAt", pack.createdAt());
        manifest.put("createdByRole", pack.createdBy().role().name());
        manifest.put("algorithm", "SHA-256");
        manifest.put("files", listed);
        files.put("manifest.json", JSON.writeValueAsBytes(manifest));
        files.put("manifest.csv", csv(pack, listed));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(pack.createdAt().toEpochMilli());
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] csv(PolicePackage pack, List<Listed> listed) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(COLUMNS).setHeaderComments(
                        "Police package of incident " + pack.incidentId() + ", created at " + iso(pack.createdAt())
                                + "; SHA-256 of every file in the package").setCommentMarker('#').get())) {
            for (Listed file : listed) {
                csv.printRecord(file.file(), file.kind(), file.sha256(), file.sizeBytes(), file.mediaType(),
                        file.receivedAt() == null ? "" : iso(file.receivedAt()),
                        file.attachedByRole() == null ? "" : file.attachedByRole());
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] pdf(PolicePackage pack) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 52, 60);
        try {
            PdfWriter.getInstance(document, bytes);
            String title = MessageFormat.format(WORDS.getString("title"), pack.incidentId().toString());
            document.addTitle(title);
            document.addCreator("Incidents");
            document.open();
            Paragraph heading = new Paragraph(title, TITLE);
            heading.setSpacingAfter(8);
            document.add(heading);
            PdfPTable meta = new PdfPTable(new float[]{1.2f, 3.2f});
            meta.setWidthPercentage(70);
            meta.setHorizontalAlignment(PdfPTable.ALIGN_LEFT);
            fact(meta, "meta.case", pack.incidentId().toString());
            fact(meta, "meta.createdAt", dutch(pack.createdAt()));
            fact(meta, "meta.createdBy", role(pack.createdBy()));
            fact(meta, "meta.times", WORDS.getString("meta.dutchTime"));
            document.add(meta);
            Paragraph intro = new Paragraph(WORDS.getString("intro"), BODY);
            intro.setSpacingBefore(8);
            intro.setSpacingAfter(8);
            document.add(intro);
            PdfPTable lines = new PdfPTable(new float[]{1.4f, 4.6f, 1.2f});
            lines.setWidthPercentage(100);
            lines.setHeaderRows(1);
            for (String column : List.of("col.when", "col.what", "col.by")) {
                lines.addCell(new PdfPCell(new Phrase(WORDS.getString(column), BOLD)));
            }
            for (IncidentDossier.TimelineEntry line : pack.timeline()) {
                lines.addCell(new PdfPCell(new Phrase(dutch(line.at()), BODY)));
                lines.addCell(new PdfPCell(new Phrase(what(line), BODY)));
                lines.addCell(new PdfPCell(new Phrase(role(line.by()), BODY)));
            }
            document.add(lines);
            document.close();
        } catch (DocumentException e) {
            throw new HttpMessageNotWritableException("The police package's timeline could not be written as a PDF", e);
        }
        return bytes.toByteArray();
    }

    /** The line's Dutch heading by its code, then its values; the English sentence where no Dutch heading exists. */
    static String what(IncidentDossier.TimelineEntry line) {
        String heading;
        try {
            heading = WORDS.getString("line." + line.code());
        } catch (MissingResourceException | NullPointerException none) {
            return line.text();
        }
        List<String> values = line.params() == null ? List.of() : List.copyOf(line.params().values());
        return values.isEmpty() ? heading : heading + ": " + String.join("; ", values);
    }

    private static void fact(PdfPTable table, String key, String value) {
        PdfPCell name = new PdfPCell(new Phrase(WORDS.getString(key), BOLD));
        name.setBorder(0);
        PdfPCell text = new PdfPCell(new Phrase(value, BODY));
        text.setBorder(0);
        table.addCell(name);
        table.addCell(text);
    }

    private static String role(Actor actor) {
        return actor == null ? "" : WORDS.getString("role." + actor.role().name());
    }

    private static String dutch(Instant instant) {
        return DUTCH.format(AmsterdamTime.of(instant));
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(AmsterdamTime.of(instant));
    }

    /** A name safe in any ZIP tool: letters, digits, dot, dash and underscore; at most 100 characters. */
    static String safe(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isBlank() || name.chars().allMatch(c -> c == '_' || c == '.')) {
            name = "bestand";
        }
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
