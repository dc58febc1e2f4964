package nl.incidents.web.live;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The idle timeout of a session (30 minutes, {@code server.servlet.session.timeout}) counts what the person
 * did, not what an open page does by itself. The live stream ({@code /live}) and the page parts it makes refresh
 * (htmx requests, {@code HX-Request}) touch the session too, so that an open tab would keep it, and the tokens
 * in it, alive for ever. So every other request records the time of the person's last page here (milliseconds
 * since the epoch, in the session), the live stream ends when that is as old as the timeout, and a new live
 * stream of an idle session ends the session: the next page asks for sign-in.
 */
@Configuration(proxyBeanMethods = false)
class PageActivity implements WebMvcConfigurer {

    static final String LAST_PAGE = PageActivity.class.getName() + ".lastPage";

    private final Duration idleTimeout;
    private final Clock clock;

    @Autowired
    PageActivity(@Value("${server.servlet.session.timeout:30m}") Duration idleTimeout) {
        this(idleTimeout, Clock.systemUTC());
    }

    PageActivity(Duration idleTimeout, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                HttpSession session = request.getSession(false);
                if (session != null && request.getHeader("HX-Request") == null) {
                    session.setAttribute(LAST_PAGE, clock.millis());
                }
                return true;
            }
        }).excludePathPatterns("/live", "/live/**", "/css/**", "/js/**", "/webjars/**", "/actuator/**");
    }

    /**
     * How long the session may still go without a page of the person's: zero when it is idle (then the session
     * has been ended here). A session without a recorded page (opened by sign-in only) counts from now.
     */
    Duration remaining(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Duration.ZERO;
        }
        Object lastPage = session.getAttribute(LAST_PAGE);
        long last = lastPage instanceof Long millis ? millis : clock.millis();
        if (!(lastPage instanceof Long)) {
            session.setAttribute(LAST_PAGE, last);
        }
        Duration left = idleTimeout.minusMillis(clock.millis() - last);
        if (left.isNegative() || left.isZero()) {
            session.invalidate();
            return Duration.ZERO;
        }
        return left;
    }
}
