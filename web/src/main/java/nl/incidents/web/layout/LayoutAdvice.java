package nl.incidents.web.layout;

import jakarta.servlet.http.HttpServletRequest;
import nl.incidents.web.start.Member;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's header shows: the signed-in person ({@code member}, a {@link Member}, or
 * absent before sign-in and for someone the directory does not know), from which the header
 * offers the pages of the person's role. Pages of every part add their own model beside it.
 */
@ControllerAdvice
class LayoutAdvice {

    private final CurrentMember currentMember;

    LayoutAdvice(CurrentMember currentMember) {
        this.currentMember = currentMember;
    }

    @ModelAttribute("member")
    Member member(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // Only a person signed in to the pages (not the embedded provider's own sign-in, which has no tokens).
        if (!(authentication instanceof OAuth2AuthenticationToken) || !authentication.isAuthenticated()) {
            return null;
        }
        return currentMember.of(request.getSession()).orElse(null);
    }
}
