package nl.incidents.web.inbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The inbox (postvak) of every signed-in person: their notices newest first, each in the person's language (written
 * from the notice's facts by the kernel's {@code NoticeTexts}; a notice without facts in its stored text), each linking
 * to its case's page
 * ({@code /cases/{id}}), unread ones marked and with a button to mark them read ({@code POST /inbox/{id}/read}, with
 * the CSRF token; then back to the inbox). {@code GET /inbox/unread} answers only the header's count (the fragment
 * {@code <span id="unread">}), which the header asks for again on the live event {@code inbox-changed}. The list
 * itself refreshes on that event too.
 */
@Controller
class InboxController {

    private static final Logger log = LoggerFactory.getLogger(InboxController.class);

    private final InboxClient inbox;

    InboxController(InboxClient inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String inbox(Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            model.addAttribute("entries", inbox.entries());
            // Each notice's link to its case's page, at this module's address as the person reached it.
            model.addAttribute("caseLinkBase", ServletUriComponentsBuilder.fromContextPath(request).path("/cases/")
                    .toUriString());
        } catch (RestClientException unavailable) {
            log.warn("The query service did not answer the inbox: {}", unavailable.toString());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("problem", "inbox.unavailable");
        }
        return request.getHeader("HX-Request") != null ? "inbox/inbox :: list" : "inbox/inbox";
    }

    @PostMapping("/inbox/{id}/read")
    String markRead(@PathVariable String id, Model model, HttpServletResponse response) {
        try {
            inbox.markRead(id);
        } catch (HttpClientErrorException.NotFound notTheirs) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        return "redirect:/inbox";
    }

    @GetMapping("/inbox/unread")
    String unread(Model model) {
        model.addAttribute("unread", inbox.unread().orElse(null));
        return "fragments/layout :: unread";
    }
}
