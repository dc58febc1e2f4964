package nl.incidents.web.board;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.incidents.web.cases.CaseViews;
import nl.incidents.web.layout.Names;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The board's views of an earlier moment (zoals het er toen voor stond): the case list ({@code /cases/as-of}), the
 * dashboard ({@code /board/as-of}), a person's dossier ({@code /people/{id}/as-of}), each beside what changed since,
 * from the query service's {@code as-of} reads; and a case as it stood at a moment, {@code GET /cases/{id}/as-of?at=},
 * for the board: the moment picked in Dutch time ({@code at} as a date and time, {@code 2026-11-20T14:30}), the case's state,
 * its report and its timeline up to then from the query service's {@code GET /api/incidents/{id}/as-of}, and what
 * changed since. Without {@code at}, the form alone. The query service decides who may look (the board); a refusal,
 * a moment before the report and a moment that is no moment are said in plain words.
 */
@Controller
class AsOfController {

    static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final RestClient queryService;
    private final Names names;

    AsOfController(RestClient queryService, Names names) {
        this.queryService = queryService;
        this.names = names;
    }

    /**
     * What the query service answers: the moment, the dossier then, and the timeline's lines since.
     *
     * @param asOf    the moment, as the service read it
     * @param dossier the case as it stood then
     * @param since   what changed after it
     */
    record AsOf(OffsetDateTime asOf, CaseViews.Dossier dossier, List<CaseViews.TimelineEntry> since) {
    }

    @GetMapping("/cases/{id}/as-of")
    String asOf(@PathVariable UUID id, @RequestParam(required = false) String at, Model model,
                HttpServletResponse response) {
        model.addAttribute("incidentId", id.toString());
        model.addAttribute("at", at != null ? at
                : LocalDateTime.now(DUTCH_TIME).truncatedTo(ChronoUnit.MINUTES).toString());
        if (at == null || at.isBlank()) {
            return "board/as-of";
        }
        ZonedDateTime moment = moment(at, model, response);
        if (moment == null) {
            return "board/as-of";
        }
        try {
            AsOf answer = queryService.get().uri(uri -> uri.path("/api/incidents/{id}/as-of")
                            // In UTC ("Z"): an offset's '+' would reach the service as a space in a query.
                            .queryParam("at", moment.toInstant().toString()).build(id))
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(AsOf.class);
            model.addAttribute("asOf", answer);
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "asOf", model, response);
        }
        return "board/as-of";
    }

    /** The query service's case list as it stood at a moment ({@code GET /api/incidents/as-of}). */
    record ListAsOf(OffsetDateTime asOf, List<CaseThen> items, ReportedSince reportedSince, String nextPageToken) {

        ListAsOf {
            items = items == null ? List.of() : items;
        }
    }

    /** A case then, and its status, stage and holder now. */
    record CaseThen(CaseLine then, String statusNow, String stageNow, DashboardView.Assignee assigneeNow,
                    boolean changedSince) {
    }

    /** A case's line as the list showed it then. */
    record CaseLine(String incidentId, String schoolId, String status, String severity, String stage,
                    DashboardView.Assignee assignee, OffsetDateTime reportedAt, OffsetDateTime closedAt,
                    CaseViews.Due nextDue, OffsetDateTime overdueSince, Integer lateSteps) {
    }

    /** The cases reported after the moment: how many, and (the newest) their ids. */
    record ReportedSince(long count, List<String> incidentIds) {

        ReportedSince {
            incidentIds = incidentIds == null ? List.of() : incidentIds;
        }
    }

    /** The query service's dashboard then and now ({@code GET /api/dashboard/as-of}). */
    record DashboardAsOf(OffsetDateTime asOf, DashboardView then, DashboardView now) {

        /** The number of {@code key} in a count of the dashboard then or now (0 when absent). */
        public long count(List<DashboardView.Count> counts, String key) {
            return counts.stream().filter(c -> c.key().equals(key)).mapToLong(DashboardView.Count::cases).sum();
        }

        /** The keys of a count then and now together, in the order they come (then first). */
        public List<String> keys(List<DashboardView.Count> then, List<DashboardView.Count> now) {
            return java.util.stream.Stream.concat(then.stream(), now.stream()).map(DashboardView.Count::key).distinct()
                    .toList();
        }

        /** The open steps of this step then or now (null: none open). */
        public DashboardView.StepCount step(List<DashboardView.StepCount> steps, String step) {
            return steps.stream().filter(s -> s.step().equals(step)).findFirst().orElse(null);
        }
    }

    /** The query service's person dossier then, and the entries added since ({@code /dossier/as-of}). */
    record DossierAsOf(OffsetDateTime asOf, PersonDossierView dossier, List<PersonDossierView.Entry> since) {

        DossierAsOf {
            since = since == null ? List.of() : since;
        }
    }

    /**
     * The board's case list as it stood at a moment, {@code GET /cases/as-of?at=}: each case reported up to then, as
     * it stood then beside how it stands now, and the cases reported since; {@code after} pages on.
     */
    @GetMapping("/cases/as-of")
    String listAsOf(@RequestParam(required = false) String at, @RequestParam(required = false) String after,
                    Model model, HttpServletResponse response) {
        ZonedDateTime moment = moment(at, model, response);
        if (moment == null) {
            return "board/cases-as-of";
        }
        try {
            java.net.URI address = UriComponentsBuilder.fromPath("/api/incidents/as-of")
                    .queryParam("at", moment.toInstant().toString())
                    .queryParamIfPresent("after", java.util.Optional.ofNullable(after).filter(a -> !a.isBlank()))
                    .encode().build().toUri();
            model.addAttribute("asOf", queryService.get().uri(address).accept(MediaType.APPLICATION_JSON).retrieve()
                    .body(ListAsOf.class));
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "asOfList", model, response);
        }
        return "board/cases-as-of";
    }

    /** The board's dashboard as it stood at a moment, beside the dashboard now: {@code GET /board/as-of?at=}. */
    @GetMapping("/board/as-of")
    String dashboardAsOf(@RequestParam(required = false) String at, Model model, HttpServletResponse response) {
        ZonedDateTime moment = moment(at, model, response);
        if (moment == null) {
            return "board/dashboard-as-of";
        }
        try {
            model.addAttribute("asOf", queryService.get().uri(uri -> uri.path("/api/dashboard/as-of")
                            .queryParam("at", moment.toInstant().toString()).build())
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(DashboardAsOf.class));
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "asOfDashboard", model, response);
        }
        return "board/dashboard-as-of";
    }

    /** A person's dossier as it stood at a moment, and the entries added since: {@code GET /people/{id}/as-of?at=}. */
    @GetMapping("/people/{personId}/as-of")
    String dossierAsOf(@PathVariable String personId, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String at, Model model, HttpServletResponse response) {
        model.addAttribute("personId", personId);
        model.addAttribute("personName", names.person(personId));
        model.addAttribute("kind", kind);
        if (kind != null && !PersonDossierController.KINDS.contains(kind) || !personId.matches("[A-Za-z0-9._@-]{1,100}")) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", "board.dossier.notFound");
            return "board/problem";
        }
        ZonedDateTime moment = moment(at, model, response);
        if (moment == null) {
            return "board/person-as-of";
        }
        try {
            model.addAttribute("asOf", queryService.get().uri(uri -> uri.path("/api/people/{personId}/dossier/as-of")
                            .queryParam("at", moment.toInstant().toString())
                            .queryParamIfPresent("kind", java.util.Optional.ofNullable(kind)).build(personId))
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(DossierAsOf.class));
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "asOfDossier", model, response);
        }
        return "board/person-as-of";
    }

    /**
     * The moment picked, in Dutch time, put in the model as {@code at} (now, to the minute, when none was picked yet);
     * null when none was picked (the form alone) or it is no moment ({@code atProblem}, 400).
     */
    /** The shape of a moment picked to the minute, as a datetime-local field sends it. */
    private static final String MINUTE = "2026-11-30T14:30";

    private static ZonedDateTime moment(String at, Model model, HttpServletResponse response) {
        model.addAttribute("at", at != null ? at
                : LocalDateTime.now(DUTCH_TIME).truncatedTo(ChronoUnit.MINUTES).toString());
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            LocalDateTime picked = LocalDateTime.parse(at.strip());
            // A minute picked in the form (the pages show times to the minute) counts to its end: what the timeline
            // shows at 14:30 is in the view as of 14:30.
            return (at.strip().length() == MINUTE.length() ? picked.plusMinutes(1).minusNanos(1_000_000) : picked)
                    .atZone(DUTCH_TIME);
        } catch (DateTimeParseException notAMoment) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("atProblem", "board.asOf.notAMoment");
            return null;
        }
    }
}
