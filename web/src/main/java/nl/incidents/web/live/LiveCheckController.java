package nl.incidents.web.live;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /live/check}: a page that shows the live updates as they reach this browser (the last case that changed,
 * when the inbox last changed), to check that they come through (a proxy that buffers server-sent events would hold
 * them back). It uses the pages' own means: {@code sse-swap} for the case's id, and {@code hx-get} on
 * {@code sse:inbox-changed} for {@code /live/check/inbox}, the fragment with the time (Amsterdam time, to the
 * millisecond: two changes within one second must read differently, or the second would look as if it never came).
 */
@Controller
class LiveCheckController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @GetMapping("/live/check")
    String check() {
        return "live/check";
    }

    @GetMapping("/live/check/inbox")
    String inboxChanged(Model model) {
        model.addAttribute("at", ZonedDateTime.now(ZoneId.of("Europe/Amsterdam")).format(TIME));
        return "live/check :: inbox";
    }
}
