package nl.incidents.web.board;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import nl.incidents.web.layout.CurrentMember;
import nl.incidents.web.start.Member;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The board's dashboard (overzicht), {@code GET /board}: the open cases by status, stage, school, severity and step;
 * the cases under the legal duty and those with an overdue step on top; the time to acknowledge (by level) and to
 * inform the communications department (median and 90th percentile, by severity, this month and the last twelve
 * months), all from the query service's {@code GET /api/dashboard}. The board only: anyone else reads a plain
 * refusal (403). Its parts refresh themselves on the live event {@code case-changed}: asked by htmx
 * ({@code HX-Request}), the page answers only the fragment {@code parts}.
 */
@Controller
class DashboardController {

    /** The rows of the step-time tables: all severities, then each. */
    static final List<String> SEVERITIES = java.util.Arrays.asList(null, "LOW", "MEDIUM", "HIGH", "CRITICAL");

    private final RestClient queryService;
    private final CurrentMember currentMember;

    DashboardController(RestClient queryService, CurrentMember currentMember) {
        this.queryService = queryService;
        this.currentMember = currentMember;
    }

    @GetMapping("/board")
    String dashboard(@RequestHeader(name = "HX-Request", required = false) String htmx, HttpSession session, Model model,
                     HttpServletResponse response) {
        Member member = currentMember.of(session).orElse(null);
        if (member != null && !"BOARD".equals(member.role())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("problem", "board.dashboard.forbidden");
            return "board/problem";
        }
        try {
            DashboardView dashboard = queryService.get().uri("/api/dashboard").accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(DashboardView.class);
            model.addAttribute("dashboard", dashboard);
            model.addAttribute("severities", SEVERITIES);
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "dashboard", model, response);
        }
        return htmx != null ? "board/dashboard :: parts" : "board/dashboard";
    }
}
