package nl.incidents.web.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.incidents.web.layout.CurrentMember;
import nl.incidents.web.services.ServiceProblem;
import nl.incidents.web.start.Member;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

/**
 * The protocol evaluation (evaluatie van het protocol), {@code GET /board/evaluation?from=&to=}: for the whole board and
 * each school, the period's figures beside the previous period's in accessible tables, with bar charts of the whole
 * board's beside them (Apache ECharts from WebJars, drawn by {@code js/evaluation.js} from the figures in a data
 * attribute; decoration beside the tables, which hold every figure). Period pickers (defaults: the last two complete
 * school years, as the query service fills them); downloads {@code /board/evaluation.csv} and {@code .pdf} stream the
 * query service's {@code /api/evaluation.csv} and {@code .pdf}. The board only: anyone else reads a plain refusal
 * (403); a bad date is said beside its field (400).
 */
@Controller
class EvaluationController {

    /** The whole board's sections that get a chart: the counts (not the total, not the times). */
    private static final Set<String> CHARTED = Set.of("school", "stage", "harm", "platform", "severity", "late",
            "escalation", "measure", "report", "outcome");
    private static final Map<String, String> KINDS = Map.of("stage", "stage", "harm", "harm", "platform", "platform",
            "severity", "severity", "late", "step", "measure", "measure");
    private static final String[] PASSED_ON = {HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_DISPOSITION};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient queryService;
    private final CurrentMember currentMember;
    private final BoardTexts texts;
    private final MessageSource messages;

    EvaluationController(RestClient queryService, CurrentMember currentMember, BoardTexts texts,
                         MessageSource messages) {
        this.queryService = queryService;
        this.currentMember = currentMember;
        this.texts = texts;
        this.messages = messages;
    }

    @GetMapping("/board/evaluation")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        Member member = currentMember.of(session).orElse(null);
        if (member != null && !"BOARD".equals(member.role())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("problem", "board.evaluation.forbidden");
            return "board/problem";
        }
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            EvaluationView evaluation = queryService.get().uri(uri -> period(uri.path("/api/evaluation"), from, to))
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(EvaluationView.class);
            model.addAttribute("from", evaluation.period().from().toString());
            model.addAttribute("to", evaluation.period().to().toString());
            model.addAttribute("evaluation", page(evaluation, locale));
        } catch (HttpClientErrorException.BadRequest bad) {
            ServiceProblem problem = ServiceProblem.of(bad);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("dateField", "to".equals(problem.field()) ? "to" : "from");
            model.addAttribute("dateProblem", problem.text(messages, locale));
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "evaluation", model, response);
        }
        return "board/evaluation";
    }

    @GetMapping("/board/evaluation.csv")
    String csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
               HttpServletResponse response) {
        return download("/api/evaluation.csv", MediaType.parseMediaType("text/csv"), from, to, model, response);
    }

    @GetMapping("/board/evaluation.pdf")
    String pdf(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
               HttpServletResponse response) {
        return download("/api/evaluation.pdf", MediaType.APPLICATION_PDF, from, to, model, response);
    }

    private static java.net.URI period(UriBuilder uri, String from, String to) {
        if (from != null && !from.isBlank()) {
            uri.queryParam("from", from.strip());
        }
        if (to != null && !to.isBlank()) {
            uri.queryParam("to", to.strip());
        }
        return uri.build();
    }

    /** Streams the answer into the response and returns no view, or names the problem page when there is none. */
    private String download(String path, MediaType type, String from, String to, Model model,
                            HttpServletResponse response) {
        try {
            queryService.get().uri(uri -> period(uri.path(path), from, to)).accept(type).exchange((request, answer) -> {
                if (answer.getStatusCode().isError()) {
                    new DefaultResponseErrorHandler().handleError(request.getURI(), request.getMethod(), answer);
                }
                response.setStatus(HttpServletResponse.SC_OK);
                for (String header : PASSED_ON) {
                    String value = answer.getHeaders().getFirst(header);
                    if (value != null) {
                        response.setHeader(header, value);
                    }
                }
                StreamUtils.copy(answer.getBody(), response.getOutputStream());
                return null;
            }, true);
        } catch (RestClientException failure) {
            if (response.isCommitted()) {
                throw failure;
            }
            response.reset();
            return ServiceRefusal.show(failure, "evaluation", model, response);
        }
        return null;
    }

    /** The answer as the page shows it, in the person's language. */
    private EvaluationView.Page page(EvaluationView evaluation, Locale locale) {
        Map<String, String> schools = new LinkedHashMap<>();
        evaluation.scopes().stream().filter(s -> s.schoolId() != null).forEach(s -> schools.put(s.schoolId(), s.name()));
        String period = span(evaluation.period(), locale);
        String previous = span(evaluation.previous(), locale);
        List<EvaluationView.PageScope> scopes = new ArrayList<>();
        for (EvaluationView.Scope scope : evaluation.scopes()) {
            boolean board = scope.schoolId() == null;
            String anchor = board ? "board" : "school-" + scopes.size();
            List<EvaluationView.PageSection> sections = new ArrayList<>();
            for (EvaluationView.Section section : scope.sections()) {
                List<EvaluationView.Row> rows = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                List<Object> now = new ArrayList<>();
                List<Object> before = new ArrayList<>();
                for (EvaluationView.Figure figure : section.figures()) {
                    String label = label(section.name(), figure.item(), schools, locale);
                    rows.add(new EvaluationView.Row(label, shown(figure.period(), locale),
                            shown(figure.previous(), locale)));
                    labels.add(label);
                    now.add(figure.period().value());
                    before.add(figure.previous().value());
                }
                String chart = board && CHARTED.contains(section.name())
                        ? chart(labels, text("board.evaluation.col.period", locale), now,
                        text("board.evaluation.col.previous", locale), before) : null;
                sections.add(new EvaluationView.PageSection(anchor + "-" + section.name(),
                        text("board.evaluation.section." + section.name(), locale) + " ("
                                + text("board.evaluation.unit." + section.unit(), locale) + ")", rows, chart));
            }
            scopes.add(new EvaluationView.PageScope(anchor,
                    board ? text("board.evaluation.wholeBoard", locale, scope.name()) : scope.name(), sections));
        }
        return new EvaluationView.Page(evaluation.board(), period, previous, scopes);
    }

    private String label(String section, String item, Map<String, String> schools, Locale locale) {
        if (section.equals("school")) {
            return schools.getOrDefault(item, item);
        }
        String kind = KINDS.get(section);
        return kind != null ? texts.label(kind, item, locale) : text("board.evaluation." + section + "." + item, locale);
    }

    private String span(EvaluationView.Span span, Locale locale) {
        return text("board.evaluation.span", locale, texts.day(span.from(), locale),
                texts.day(span.to().minusDays(1), locale));
    }

    private static String shown(EvaluationView.Cell cell, Locale locale) {
        return "nl".equals(locale.getLanguage()) ? cell.shown().replace('.', ',') : cell.shown();
    }

    private static String chart(List<String> labels, String period, List<Object> now, String previous,
                                List<Object> before) {
        try {
            return JSON.writeValueAsString(Map.of("labels", labels, "series", List.of(
                    Map.of("name", period, "data", now), Map.of("name", previous, "data", before))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
