package nl.incidents.query.evaluation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import nl.incidents.query.evaluation.Evaluation.Figure;
import nl.incidents.query.evaluation.Evaluation.Scope;
import nl.incidents.query.evaluation.Evaluation.Section;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * The evaluation as CSV (RFC 4180, UTF-8, comma-separated, CRLF): a header row, then one row per figure with its
 * scope (the board's or the school's name), section, item (a school's name in the section {@code school}), unit, the
 * figure in the period and in the previous period, each as shown (a count rounded to a multiple of 5, {@code <5},
 * {@code x} and {@code -} as in {@link Evaluation}). The two period columns are named by their days, first and last inclusive. A message converter
 * (it only writes), so that the controller answers the same record as JSON, CSV and PDF.
 */
@Component
class EvaluationCsv extends AbstractHttpMessageConverter<Evaluation> {

    EvaluationCsv() {
        super(EvaluationController.TEXT_CSV);
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
        byte[] bytes = csv(evaluation).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        output.getHeaders().setContentLength(bytes.length);
        output.getBody().write(bytes);
    }

    static String csv(Evaluation evaluation) {
        Map<String, String> names = new HashMap<>();
        evaluation.scopes().stream().filter(s -> s.schoolId() != null).forEach(s -> names.put(s.schoolId(), s.name()));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("scope", "section", "item",
                "unit", "period " + days(evaluation.period()), "previous period " + days(evaluation.previous()))
                .get())) {
            for (Scope scope : evaluation.scopes()) {
                for (Section section : scope.sections()) {
                    for (Figure figure : section.figures()) {
                        csv.printRecord(scope.name(), section.name(),
                                section.name().equals("school") ? names.getOrDefault(figure.item(), figure.item())
                                        : figure.item(),
                                section.unit(), figure.period().shown(), figure.previous().shown());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@code 2024-08-01..2026-07-31}: the first and the last day, both inclusive. */
    static String days(Evaluation.Span span) {
        return span.from() + ".." + span.to().minusDays(1);
    }
}
