package nl.incidents.web.board;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import nl.incidents.web.layout.CurrentMember;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The board's page of the retention schedule (bewaartermijnen), {@code GET /board/retention}: what the daily task
 * erases by a day the board picks (today when none), and when, and which cases a hold keeps past their period; from
 * the command service's dry run ({@code GET /api/retention/due}), which erases nothing. It says which kind of record
 * goes and for how many people, never who. The board only: anyone else reads at once that it is not for them; a day
 * that is no day is said next to the field.
 */
@Controller
class RetentionController {

    private final RestClient commandService;
    private final CurrentMember currentMember;

    RetentionController(RestClient commandService, CurrentMember currentMember) {
        this.commandService = commandService;
        this.currentMember = currentMember;
    }

    @GetMapping("/board/retention")
    String due(@RequestParam(name = "until", required = false) String until, Model model, HttpSession session,
               HttpServletResponse response) {
        boolean board = currentMember.of(session).map(member -> "BOARD".equals(member.role())).orElse(false);
        if (!board) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("problem", "board.retention.forbidden");
            return "board/problem";
        }
        String day = until == null ? "" : until.strip();
        model.addAttribute("until", day);
        if (!day.isEmpty()) {
            try {
                model.addAttribute("untilDay", LocalDate.parse(day));
            } catch (DateTimeParseException notADay) {
                return untilProblem(model, response);
            }
        }
        try {
            RetentionView due = commandService.get()
                    .uri(uri -> day.isEmpty() ? uri.path("/api/retention/due").build()
                            : uri.path("/api/retention/due").queryParam("until", day).build())
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(RetentionView.class);
            model.addAttribute("due", due);
        } catch (HttpClientErrorException.BadRequest outOfRange) {
            return untilProblem(model, response);
        } catch (RestClientException failure) {
            return ServiceRefusal.show(failure, "retention", model, response);
        }
        return "board/retention";
    }

    private static String untilProblem(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("untilProblem", "board.retention.notADay");
        return "board/retention";
    }
}
