package nl.incidents.query.subjectaccess;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.query.AmsterdamTime;
import nl.incidents.query.subjectaccess.SubjectAccessExport.CaseStep;
import nl.incidents.query.subjectaccess.SubjectAccessExport.ConcernedCase;
import nl.incidents.query.subjectaccess.SubjectAccessExport.DossierEntry;
import nl.incidents.query.subjectaccess.SubjectAccessExport.Read;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link SubjectAccessExport} as a readable PDF in Dutch ({@code application/pdf}), for the board to hand to
 * the person who asked: a title, who it is about and when and by whom it was made, what it holds and leaves out, then
 * the sections "Dossier", "Zaken" and "Wie las de gegevens" as tables, every time in Dutch time (Europe/Amsterdam) as
 * {@code 30 november 2026 10:15}, and "Pagina n van m" at the foot of each page. A4, in the standard Helvetica (its
 * WinAnsi encoding holds the Dutch accents, as in "geëscaleerd"; nothing is embedded). The words are in
 * {@code subjectaccess/pdf_nl.properties}.
 *
 * <p>A message converter, so that the controller answers the same record for JSON and PDF and the two cannot drift
 * apart; it only writes. The document is made whole in memory before any byte is sent.
 */
@Component
class SubjectAccessPdf extends AbstractHttpMessageConverter<SubjectAccessExport> {

    private static final ResourceBundle WORDS = ResourceBundle.getBundle("subjectaccess.pdf", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.forLanguageTag("nl")).withZone(AmsterdamTime.ZONE);
    private static final BaseFont HELVETICA = baseFont(BaseFont.HELVETICA);
    private static final BaseFont HELVETICA_BOLD = baseFont(BaseFont.HELVETICA_BOLD);
    private static final float SIZE = 8.5f;
    private static final Font BODY = new Font(HELVETICA, SIZE);
    private static final Font BOLD = new Font(HELVETICA_BOLD, SIZE);
    private static final Font MUTED = new Font(HELVETICA, SIZE, Font.NORMAL, new Color(0x55, 0x55, 0x55));
    private static final Font TITLE = new Font(HELVETICA_BOLD, 15);
    private static final Font SECTION = new Font(HELVETICA_BOLD, 12.5f);
    private static final Font CASE = new Font(HELVETICA_BOLD, 10);
    private static final Color HEADER_BACKGROUND = new Color(0xE8, 0xEC, 0xF1);
    private static final Color LINES = new Color(0xB8, 0xC0, 0xCC);
    private static final float PADDING = 3.5f;
    /** About a section's heading, its introduction and a table's first two rows. */
    private static final float SECTION_START_HEIGHT = 110;
    /** About a case's title and its table of facts. */
    private static final float CASE_FACTS_HEIGHT = 190;
    private static final float MARGIN = 48;
    private static final float CONTENT_WIDTH = PageSize.A4.getWidth() - 2 * MARGIN;
    /** Wide enough for the longest time ("30 september 2026 22:22") on one line. */
    private static final float TIME_COLUMN = HELVETICA.getWidthPoint("30 september 2026 22:22", SIZE) + 2 * PADDING + 4;

    SubjectAccessPdf() {
        super(MediaType.APPLICATION_PDF);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return SubjectAccessExport.class.isAssignableFrom(type);
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    protected SubjectAccessExport readInternal(Class<? extends SubjectAccessExport> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("An export is only written, never read.", input);
    }

    @Override
    protected void writeInternal(SubjectAccessExport export, HttpOutputMessage output) throws IOException {
        byte[] pdf = pdf(export);
        output.getHeaders().setContentLength(pdf.length);
        output.getBody().write(pdf);
    }

    /** The export as a PDF document. */
    static byte[] pdf(SubjectAccessExport export) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, 52, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, bytes);
            writer.setPageEvent(new PageNumbers());
            document.addTitle(WORDS.getString("title"));
            document.addCreator("Incidents");
            document.open();
            heading(document, export);
            dossier(document, writer, export.dossier());
            cases(document, writer, export.cases());
            reads(document, writer, export.reads());
            document.close();
        } catch (DocumentException e) {
            throw new HttpMessageNotWritableException("The export could not be written as a PDF", e);
        }
        return bytes.toByteArray();
    }

    private static void heading(Document document, SubjectAccessExport export) {
        Paragraph title = new Paragraph(WORDS.getString("title"), TITLE);
        title.setSpacingAfter(10);
        document.add(title);
        PdfPTable meta = table(new float[]{1.25f, 3.2f});
        meta.setWidthPercentage(70);
        meta.setHorizontalAlignment(Element.ALIGN_LEFT);
        fact(meta, "meta.person", export.personId().value());
        fact(meta, "meta.exportedAt", time(export.exportedAt()));
        fact(meta, "meta.exportedBy", who(export.exportedBy()));
        fact(meta, "meta.times", WORDS.getString("meta.dutchTime"));
        document.add(meta);
        document.add(text(WORDS.getString("intro"), BODY, 8, 0));
        document.add(text(WORDS.getString("leftOut"), BODY, 4, 0));
    }

    private static void dossier(Document document, PdfWriter writer, List<DossierEntry> entries) {
        section(document, writer, "section.dossier", entries.isEmpty() ? "dossier.empty" : "dossier.intro");
        if (entries.isEmpty()) {
            return;
        }
        PdfPTable table = timed(88, 125, 55, 65, 95);
        header(table, "col.when", "col.what", "col.text", "col.case", "col.school", "col.recordedBy");
        for (DossierEntry e : entries) {
            cell(table, time(e.recordedAt()));
            cell(table, format("entry." + e.type(), label("measure", e.measure())) + " ("
                    + label("partyRole", e.partyRole()) + ")");
            cell(table, e.text());
            cell(table, shortId(e.incidentId()));
            cell(table, school(e.schoolId(), e.schoolName()));
            cell(table, who(e.recordedBy()));
        }
        document.add(table);
    }

    private static void cases(Document document, PdfWriter writer, List<ConcernedCase> cases) {
        section(document, writer, "section.cases", cases.isEmpty() ? "cases.empty" : "cases.intro");
        for (ConcernedCase c : cases) {
            keepWithWhatFollows(document, writer, CASE_FACTS_HEIGHT);
            Paragraph title = new Paragraph(format("case.title", c.incidentId().toString()), CASE);
            title.setSpacingBefore(10);
            title.setSpacingAfter(4);
            title.setKeepTogether(true);
            document.add(title);
            PdfPTable facts = table(new float[]{1.25f, 2.4f});
            facts.setWidthPercentage(65);
            facts.setHorizontalAlignment(Element.ALIGN_LEFT);
            fact(facts, "case.school", school(c.schoolId(), c.schoolName()));
            fact(facts, "case.reportedAt", time(c.reportedAt()));
            fact(facts, "case.status", label("status", c.status()));
            fact(facts, "case.closedAt", c.closedAt() == null ? WORDS.getString("case.notClosed") : time(c.closedAt()));
            fact(facts, "case.platform", label("platform", c.platform()));
            fact(facts, "case.severity", label("severity", c.severity()));
            fact(facts, "case.role", label("partyRole", c.partyRole()));
            fact(facts, "case.part", label("part", c.part()));
            facts.setSpacingBefore(2);
            document.add(facts);
            if (c.steps().isEmpty()) {
                document.add(text(WORDS.getString("case.noSteps"), MUTED, 4, 0));
                continue;
            }
            document.add(text(WORDS.getString("case.steps"), BOLD, 6, 3));
            PdfPTable steps = timed(95, 200, 90);
            header(steps, "col.when", "col.step", "col.text", "col.by");
            for (CaseStep step : c.steps()) {
                cell(steps, time(step.at()));
                cell(steps, format("step." + step.type(), label("measure", step.measure())));
                cell(steps, step.text());
                cell(steps, who(step.by()));
            }
            document.add(steps);
        }
    }

    private static void reads(Document document, PdfWriter writer, List<Read> reads) {
        section(document, writer, "section.reads", reads.isEmpty() ? "reads.empty" : "reads.intro");
        if (reads.isEmpty()) {
            return;
        }
        PdfPTable table = timed(110, 140, 45, 60);
        header(table, "col.when", "col.who", "col.read", "col.channel", "col.outcome");
        for (Read read : reads) {
            cell(table, time(read.at()));
            cell(table, who(read.reader()));
            cell(table, format("read." + read.kind(), read.incidentId() == null ? "" : shortId(read.incidentId())));
            cell(table, label("channel", read.channel()));
            cell(table, WORDS.getString(read.refused() ? "read.refused" : "read.shown"));
        }
        document.add(table);
    }

    private static void section(Document document, PdfWriter writer, String heading, String intro) {
        keepWithWhatFollows(document, writer, SECTION_START_HEIGHT);
        Paragraph title = new Paragraph(WORDS.getString(heading), SECTION);
        title.setSpacingBefore(16);
        title.setSpacingAfter(3);
        document.add(title);
        document.add(text(WORDS.getString(intro), MUTED, 0, 6));
    }

    /** Starts a new page when less than {@code height} points are left, so a heading does not stand alone. */
    private static void keepWithWhatFollows(Document document, PdfWriter writer, float height) {
        if (writer.getVerticalPosition(true) - document.bottom() < height) {
            document.newPage();
        }
    }

    private static Paragraph text(String words, Font font, float before, float after) {
        Paragraph paragraph = new Paragraph(words, font);
        paragraph.setLeading(SIZE * 1.35f);
        paragraph.setSpacingBefore(before);
        paragraph.setSpacingAfter(after);
        return paragraph;
    }

    /**
     * A table the page's width whose first column holds a time on one line; the others share the rest by these
     * weights.
     */
    private static PdfPTable timed(float... weights) {
        float sum = 0;
        for (float weight : weights) {
            sum += weight;
        }
        float[] widths = new float[weights.length + 1];
        widths[0] = TIME_COLUMN;
        for (int i = 0; i < weights.length; i++) {
            widths[i + 1] = (CONTENT_WIDTH - TIME_COLUMN) * weights[i] / sum;
        }
        PdfPTable table = table(widths);
        table.setTotalWidth(widths);
        table.setLockedWidth(true);
        return table;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingAfter(4);
        table.setSplitLate(false);
        return table;
    }

    private static void header(PdfPTable table, String... keys) {
        for (String key : keys) {
            PdfPCell cell = cell(WORDS.getString(key), BOLD);
            cell.setBackgroundColor(HEADER_BACKGROUND);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
    }

    private static void fact(PdfPTable table, String key, String value) {
        PdfPCell name = cell(WORDS.getString(key), BOLD);
        name.setBackgroundColor(HEADER_BACKGROUND);
        table.addCell(name);
        table.addCell(cell(value, BODY));
    }

    private static void cell(PdfPTable table, String value) {
        table.addCell(cell(value, BODY));
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, font));
        cell.setPadding(PADDING);
        cell.setPaddingTop(PADDING - 1);
        cell.setBorderColor(LINES);
        cell.setBorderWidth(0.5f);
        cell.setLeading(0, 1.25f);
        return cell;
    }

    /** A time as a person reads it: {@code 30 november 2026 10:15}, in Dutch time; empty for none. */
    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String who(Actor actor) {
        return actor == null ? WORDS.getString("nobody")
                : format("who", actor.id().value(), label("role", actor.role()));
    }

    private static String school(String id, String name) {
        return name != null ? name : id == null ? "" : id;
    }

    private static String shortId(IncidentId id) {
        return id.toString().substring(0, 8);
    }

    /** The Dutch word for a value of the protocol, or the value itself where there is none ({@code [verwijderd]}). */
    private static String label(String kind, Object value) {
        if (value == null) {
            return "";
        }
        String key = kind + "." + (value instanceof Enum<?> e ? e.name() : value.toString());
        return WORDS.containsKey(key) ? WORDS.getString(key) : value.toString();
    }

    private static String format(String key, Object... arguments) {
        return new MessageFormat(WORDS.getString(key), Locale.forLanguageTag("nl")).format(arguments);
    }

    private static BaseFont baseFont(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The standard font " + name + " is missing", e);
        }
    }

    /** "Pagina n van m" at the foot of every page: m is written into a template once the last page is known. */
    private static final class PageNumbers extends PdfPageEventHelper {

        private static final float FOOTER_SIZE = 8;
        private PdfTemplate total;

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            String text = format("footer", writer.getPageNumber()) + " ";
            float width = HELVETICA.getWidthPoint(text, FOOTER_SIZE) + HELVETICA.getWidthPoint("00", FOOTER_SIZE);
            float x = (document.left() + document.right() - width) / 2;
            float y = document.bottom() - 28;
            PdfContentByte content = writer.getDirectContent();
            content.beginText();
            content.setFontAndSize(HELVETICA, FOOTER_SIZE);
            content.setColorFill(Color.DARK_GRAY);
            content.setTextMatrix(x, y);
            content.showText(text);
            content.endText();
            content.addTemplate(total, x + HELVETICA.getWidthPoint(text, FOOTER_SIZE), y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(HELVETICA, FOOTER_SIZE);
            total.setColorFill(Color.DARK_GRAY);
            total.setTextMatrix(0, 0);
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }
    }
}
