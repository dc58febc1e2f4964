package nl.incidents.query.evaluation;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import nl.incidents.query.AmsterdamTime;
import nl.incidents.query.evaluation.Evaluation.Cell;
import nl.incidents.query.evaluation.Evaluation.Figure;
import nl.incidents.query.evaluation.Evaluation.Scope;
import nl.incidents.query.evaluation.Evaluation.Section;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Writes the {@link Evaluation} as a PDF in Dutch for the board's meeting: A4, a title page (the board, the two
 * periods, when it was made, how counts are rounded and small numbers shown), then for the whole board and each school one table per
 * section with the period and the previous period side by side. The figures are those of the JSON and the CSV, as
 * shown, with a decimal comma. Standard Helvetica (WinAnsi, nothing embedded); the words are in
 * {@code evaluation/pdf_nl.properties}. A message converter (it only writes); the document is made whole in memory
 * before any byte is sent.
 */
@Component
class EvaluationPdf extends AbstractHttpMessageConverter<Evaluation> {

    private static final ResourceBundle WORDS = ResourceBundle.getBundle("evaluation.pdf", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.forLanguageTag("nl")).withZone(AmsterdamTime.ZONE);
    private static final BaseFont HELVETICA = baseFont(BaseFont.HELVETICA);
    private static final BaseFont HELVETICA_BOLD = baseFont(BaseFont.HELVETICA_BOLD);
    private static final Font BODY = new Font(HELVETICA, 9);
    private static final Font BOLD = new Font(HELVETICA_BOLD, 9);
    private static final Font TITLE = new Font(HELVETICA_BOLD, 20);
    private static final Font SCOPE = new Font(HELVETICA_BOLD, 14);
    private static final Color HEADER_BACKGROUND = new Color(0xE8, 0xEC, 0xF1);
    private static final Color LINES = new Color(0xB8, 0xC0, 0xCC);
    private static final float MARGIN = 56;


    EvaluationPdf() {
        super(org.springframework.http.MediaType.APPLICATION_PDF);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return Evaluation.class.isAssignableFrom(type);
    }

    @Override
    public boolean canRead(Class<?> type, org.springframework.http.MediaType mediaType) {
        return false;
    }

    @Override
    protected Evaluation readInternal(Class<? extends Evaluation> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("An evaluation is only written, never read.", input);
    }

    @Override
    protected void writeInternal(Evaluation evaluation, HttpOutputMessage output) throws IOException {
        byte[] bytes = pdf(evaluation);
        output.getHeaders().setContentLength(bytes.length);
        output.getBody().write(bytes);
    }

    static byte[] pdf(Evaluation evaluation) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, 56, 56);
        Map<String, String> schools = new HashMap<>();
        evaluation.scopes().stream().filter(s -> s.schoolId() != null).forEach(s -> schools.put(s.schoolId(), s.name()));
        try {
            PdfWriter.getInstance(document, bytes);
            document.addTitle(WORDS.getString("title"));
            document.addCreator("Incidents");
            document.open();
            titlePage(document, evaluation);
            for (Scope scope : evaluation.scopes()) {
                document.newPage();
                document.add(paragraph(scope.schoolId() == null ? format("scope.board", scope.name()) : scope.name(),
                        SCOPE, 0, 8));
                for (Section section : scope.sections()) {
                    document.add(table(section, evaluation, schools));
                }
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The evaluation could not be written as a PDF", e);
        }
        return bytes.toByteArray();
    }

    private static void titlePage(Document document, Evaluation evaluation) {
        document.add(paragraph(WORDS.getString("title"), TITLE, 120, 24));
        document.add(paragraph(evaluation.board(), SCOPE, 0, 24));
        document.add(paragraph(format("period", days(evaluation.period())), BODY, 0, 4));
        document.add(paragraph(format("previous", days(evaluation.previous())), BODY, 0, 4));
        document.add(paragraph(format("madeAt", TIME.format(evaluation.madeAt())), BODY, 0, 24));
        for (String key : new String[]{"about", "rounded", "small", "withheld", "none", "times"}) {
            document.add(paragraph(WORDS.getString(key), BODY, 0, 6));
        }
    }

    private static PdfPTable table(Section section, Evaluation evaluation, Map<String, String> schools) {
        PdfPTable table = new PdfPTable(new float[]{3.2f, 1.4f, 1.4f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setSpacingAfter(4);
        table.setKeepTogether(true);
        PdfPCell caption = cell(format("section." + section.name()) + " (" + WORDS.getString("unit." + section.unit())
                + ")", BOLD, Element.ALIGN_LEFT);
        caption.setColspan(3);
        caption.setBorder(PdfPCell.NO_BORDER);
        table.addCell(caption);
        header(table, WORDS.getString("col.item"), Element.ALIGN_LEFT);
        header(table, dayRange(evaluation.period()), Element.ALIGN_RIGHT);
        header(table, dayRange(evaluation.previous()), Element.ALIGN_RIGHT);
        table.setHeaderRows(2);
        for (Figure figure : section.figures()) {
            String item = section.name().equals("school") ? schools.getOrDefault(figure.item(), figure.item())
                    : label(section.name() + "." + figure.item());
            table.addCell(cell(item, BODY, Element.ALIGN_LEFT));
            table.addCell(cell(shown(figure.period()), BODY, Element.ALIGN_RIGHT));
            table.addCell(cell(shown(figure.previous()), BODY, Element.ALIGN_RIGHT));
        }
        return table;
    }

    /** A figure as shown, with the Dutch decimal comma. */
    static String shown(Cell cell) {
        return cell.shown().replace('.', ',');
    }

    private static void header(PdfPTable table, String text, int alignment) {
        PdfPCell cell = cell(text, BOLD, alignment);
        cell.setBackgroundColor(HEADER_BACKGROUND);
        table.addCell(cell);
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(3.5f);
        cell.setBorderColor(LINES);
        cell.setHorizontalAlignment(alignment);
        return cell;
    }

    private static Paragraph paragraph(String text, Font font, float before, float after) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setSpacingBefore(before);
        paragraph.setSpacingAfter(after);
        return paragraph;
    }

    private static String days(Evaluation.Span span) {
        return DAY.format(span.from()) + " " + WORDS.getString("upTo") + " " + DAY.format(last(span));
    }

    private static String dayRange(Evaluation.Span span) {
        return DateTimeFormatter.ofPattern("d-M-yyyy").format(span.from()) + " – "
                + DateTimeFormatter.ofPattern("d-M-yyyy").format(last(span));
    }

    private static LocalDate last(Evaluation.Span span) {
        return span.to().minusDays(1);
    }

    private static String label(String key) {
        return WORDS.containsKey(key) ? WORDS.getString(key) : key;
    }

    private static String format(String key, Object... arguments) {
        return MessageFormat.format(WORDS.getString(key), arguments);
    }

    private static BaseFont baseFont(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The standard font " + name + " is missing", e);
        }
    }
}
