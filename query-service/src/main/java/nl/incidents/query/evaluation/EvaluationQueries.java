package nl.incidents.query.evaluation;

import static nl.incidents.query.Projections.instant;
import static nl.incidents.query.Projections.utc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.json.IncidentsJson;
import nl.incidents.kernel.privacy.Classification;
import nl.incidents.kernel.privacy.PersonalData;
import nl.incidents.query.AmsterdamTime;
import nl.incidents.query.evaluation.CaseFacts.Happened;
import nl.incidents.query.evaluation.Evaluation.Cell;
import nl.incidents.query.evaluation.Evaluation.Figure;
import nl.incidents.query.evaluation.Evaluation.Scope;
import nl.incidents.query.evaluation.Evaluation.Section;
import nl.incidents.query.evaluation.Evaluation.Span;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the protocol evaluation by folding every case reported in the period or the one before it from the events
 * in {@code incident_history}, read as if every person's key were deleted: each personal field reads {@value
 * PersonalData#ERASED} before the event is mapped, so nothing personal is decrypted or counted. The board only, and
 * the board sees every case: the evaluation names nobody ({@link SmallCells}).
 */
@Component
class EvaluationQueries {

    private static final ObjectMapper JSON = IncidentsJson.messageMapper();
    private static final Map<String, Class<? extends IncidentEvent>> TYPES = CaseFacts.TYPES.stream()
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private final JdbcClient jdbc;
    private final OrganisationDirectory directory;
    private final Clock clock;

    @Autowired
    EvaluationQueries(JdbcClient jdbc, OrganisationDirectory directory) {
        this(jdbc, directory, Clock.systemUTC());
    }

    EvaluationQueries(JdbcClient jdbc, OrganisationDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    @QueryHandler
    Evaluation handle(FindEvaluation query) {
        FindEvaluation.mayRead(query.viewer());
        Instant previousFrom = start(query.previousFrom());
        Instant from = start(query.from());
        Instant to = start(query.to());
        Map<String, List<Happened>> events = events(previousFrom, to);
        List<CaseFacts> now = new ArrayList<>();
        List<CaseFacts> before = new ArrayList<>();
        events.forEach((id, happened) -> {
            CaseFacts facts = CaseFacts.of(IncidentId.of(id), until(happened, to));
            if (facts != null && !facts.reportedAt().isBefore(from)) {
                now.add(facts);
            } else if (facts != null) {
                before.add(CaseFacts.of(IncidentId.of(id), until(happened, from)));
            }
        });

        Map<String, String> schools = new LinkedHashMap<>();
        directory.schools().forEach(s -> schools.put(s.id(), s.name()));
        new TreeSet<>(java.util.stream.Stream.concat(now.stream(), before.stream()).map(CaseFacts::schoolId).toList())
                .forEach(id -> schools.putIfAbsent(id, id));

        Tally boardNow = Tally.of(now);
        Tally boardBefore = Tally.of(before);
        List<Figure> bySchool = new ArrayList<>();
        for (String id : schools.keySet()) {
            bySchool.add(new Figure(id, SmallCells.withinScope(boardNow.total, SmallCells.count(count(now, id))),
                    SmallCells.withinScope(boardBefore.total, SmallCells.count(count(before, id)))));
        }

        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope(null, directory.name(), sections(boardNow, boardBefore, new Section("school", "cases",
                bySchool))));
        for (String id : schools.keySet()) {
            scopes.add(new Scope(id, schools.get(id), sections(
                    Tally.of(now.stream().filter(c -> c.schoolId().equals(id)).toList()),
                    Tally.of(before.stream().filter(c -> c.schoolId().equals(id)).toList()), null)));
        }
        return new Evaluation(directory.name(), clock.instant(), new Span(query.from(), query.to()),
                new Span(query.previousFrom(), query.from()), scopes);
    }

    /**
     * The sections of one scope, every count rounded ({@link SmallCells}); a period with 1 to 4 cases shows its total
     * as {@value SmallCells#FEWER_THAN_FIVE} and no breakdown at all.
     */
    private static List<Section> sections(Tally now, Tally before, Section bySchool) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("cases", "cases", List.of(new Figure("total", SmallCells.count(now.total),
                SmallCells.count(before.total)))));
        if (bySchool != null) {
            sections.add(bySchool);
        }
        for (String name : List.of("stage", "harm", "platform", "severity")) {
            sections.add(counted(name, "cases", now, before));
        }
        List<Figure> times = new ArrayList<>();
        for (String step : Tally.TIMED) {
            List<Long> a = now.millis.get(step);
            List<Long> b = before.millis.get(step);
            times.add(new Figure(step + ".cases", SmallCells.withinScope(now.total, SmallCells.count(a.size())),
                    SmallCells.withinScope(before.total, SmallCells.count(b.size()))));
            times.add(new Figure(step + ".median", SmallCells.withinScope(now.total, SmallCells.hours(a, 50)),
                    SmallCells.withinScope(before.total, SmallCells.hours(b, 50))));
            times.add(new Figure(step + ".p90", SmallCells.withinScope(now.total, SmallCells.hours(a, 90)),
                    SmallCells.withinScope(before.total, SmallCells.hours(b, 90))));
        }
        sections.add(new Section("time", "hours", times));
        for (String name : List.of("late", "escalation", "measure", "report")) {
            sections.add(counted(name, "times", now, before));
        }
        sections.add(counted("outcome", "cases", now, before));
        return sections;
    }

    private static Section counted(String name, String unit, Tally now, Tally before) {
        List<String> items = List.copyOf(now.counts.get(name).keySet());
        List<Cell> a = cells(name, now);
        List<Cell> b = cells(name, before);
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            figures.add(new Figure(items.get(i), a.get(i), b.get(i)));
        }
        return new Section(name, unit, figures);
    }

    private static List<Cell> cells(String section, Tally tally) {
        return SmallCells.counts(List.copyOf(tally.counts.get(section).values())).stream()
                .map(cell -> SmallCells.withinScope(tally.total, cell)).toList();
    }

    private static long count(List<CaseFacts> cases, String schoolId) {
        return cases.stream().filter(c -> c.schoolId().equals(schoolId)).count();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(AmsterdamTime.ZONE).toInstant();
    }

    private static List<Happened> until(List<Happened> events, Instant end) {
        return events.stream().filter(e -> e.at().isBefore(end)).toList();
    }

    /** The events the evaluation reads of every case reported from {@code from} up to {@code to}, by case, in order. */
    private Map<String, List<Happened>> events(Instant from, Instant to) {
        String types = String.join(", ", TYPES.keySet().stream().map(type -> "'" + type + "'").sorted().toList());
        Map<String, List<Happened>> byCase = new LinkedHashMap<>();
        jdbc.sql("SELECT h.incident_id, h.event_type, h.occurred_at, h.actor_role, h.payload FROM incident_history h"
                        + " WHERE h.incident_id IN (SELECT r.incident_id FROM incident_history r"
                        + " WHERE r.event_type = 'DerailingDiscussionReported' AND r.occurred_at >= ? AND r.occurred_at < ?)"
                        + " AND h.occurred_at < ? AND h.event_type IN (" + types + ")"
                        + " ORDER BY h.incident_id, h.sequence_number")
                .params(utc(from), utc(to), utc(to))
                .query((rs, n) -> {
                    String role = rs.getString("actor_role");
                    return byCase.computeIfAbsent(rs.getString("incident_id"), id -> new ArrayList<>()).add(
                            new Happened(anonymous(rs.getString("event_type"), rs.getString("payload")),
                                    instant(rs, "occurred_at"), role == null ? null : ActorRole.valueOf(role)));
                }).list();
        return byCase;
    }

    /** The event with every personal field read as {@value PersonalData#ERASED}: what the evaluation may know. */
    private static IncidentEvent anonymous(String type, String payload) {
        Class<? extends IncidentEvent> eventType = Objects.requireNonNull(TYPES.get(type), type);
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(payload);
            erase(Classification.of(eventType), tree);
            return JSON.treeToValue(tree, eventType);
        } catch (IOException e) {
            throw new IllegalStateException("a stored " + type + " cannot be read", e);
        }
    }

    private static void erase(List<Classification.Entry> entries, ObjectNode node) {
        for (Classification.Entry entry : entries) {
            JsonNode value = node.get(entry.name());
            if (value == null || value.isNull()) {
                continue;
            }
            if (entry.value()) {
                node.set(entry.name(), TextNode.valueOf(PersonalData.ERASED));
            } else if (value.isArray()) {
                value.forEach(element -> {
                    if (element instanceof ObjectNode object) {
                        erase(entry.children(), object);
                    }
                });
            } else if (value instanceof ObjectNode object) {
                erase(entry.children(), object);
            }
        }
    }
}
