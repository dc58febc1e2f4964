package nl.incidents.web.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.incidents.web.layout.CurrentMember;
import nl.incidents.web.start.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * My reports (mijn meldingen): the cases the signed-in staff member reported, newest first, each with its status
 * and a link to its page, from the query service's case list ({@code GET /api/incidents}, which gives staff exactly
 * the cases they reported). The list refreshes itself on the live event {@code case-changed}; asked by htmx, the
 * answer is only the list.
 */
@Controller
class MyReportsController {

    private static final Logger log = LoggerFactory.getLogger(MyReportsController.class);
    /** The most reports the page lists. */
    static final int SHOWN = 100;

    private final RestClient queryService;
    private final CurrentMember currentMember;

    MyReportsController(RestClient queryService, CurrentMember currentMember) {
        this.queryService = queryService;
        this.currentMember = currentMember;
    }

    @GetMapping("/my-reports")
    String myReports(Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            Page page = queryService.get().uri("/api/incidents?sort=reported&size={size}", SHOWN)
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(Page.class);
            model.addAttribute("reports", page == null || page.items() == null ? List.of() : page.items());
            Map<String, String> schoolNames = currentMember.of(request.getSession()).map(Member::schools).orElse(List.of())
                    .stream().collect(Collectors.toMap(Member.SchoolRef::id,
                            s -> s.name() == null ? s.id() : s.name(), (a, b) -> a));
            model.addAttribute("schoolNames", schoolNames);
            model.addAttribute("zone", ReportController.DUTCH_TIME);
        } catch (RestClientException unavailable) {
            log.warn("The query service did not list the person's reports: {}", unavailable.toString());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("problem", "myReports.unavailable");
        }
        return request.getHeader("HX-Request") != null ? "report/my-reports :: list" : "report/my-reports";
    }

    /** A page of the case list, as far as this page reads it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Line> items) {
    }

    /** One case of the list. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(String incidentId, String schoolId, String status, String severity, String stage, String platform,
                Instant reportedAt, Instant closedAt) {
    }
}
