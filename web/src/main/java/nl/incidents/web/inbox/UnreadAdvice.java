package nl.incidents.web.inbox;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The header's unread count ({@code unread}, an Integer) on every page a signed-in person opens: one call to the
 * query service's count. Absent before sign-in, for a fragment asked by htmx or a form's POST (they show no
 * header), and when the query service does not answer.
 */
@ControllerAdvice
class UnreadAdvice {

    private final InboxClient inbox;

    UnreadAdvice(InboxClient inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unread")
    Integer unread(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // Only a person signed in to the pages (not the embedded provider's own sign-in, which has no tokens).
        if (!(authentication instanceof OAuth2AuthenticationToken) || !authentication.isAuthenticated() || !"GET".equals(request.getMethod())
                || request.getHeader("HX-Request") != null) {
            return null;
        }
        return inbox.unread().orElse(null);
    }
}
