package nl.incidents.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;

/** An open page's live stream and its refreshes do not keep an idle session alive; the person's pages do. */
class PageActivityTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T09:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final PageActivity activity = new PageActivity(Duration.ofMinutes(30), clock);
    private final MockHttpSession session = new MockHttpSession();

    @Test
    void aSessionWithOnlyLiveRefreshesEndsThirtyMinutesAfterThePersonsLastPage() throws Exception {
        page(false);
        pass(Duration.ofMinutes(20));
        page(true); // an htmx refresh of a list, made by a live event
        assertThat(activity.remaining(request())).isEqualTo(Duration.ofMinutes(10));
        pass(Duration.ofMinutes(10));
        assertThat(activity.remaining(request())).isZero();
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aPageOfThePersonsStartsTheThirtyMinutesAgain() throws Exception {
        page(false);
        pass(Duration.ofMinutes(25));
        page(false);
        pass(Duration.ofMinutes(25));
        assertThat(activity.remaining(request())).isEqualTo(Duration.ofMinutes(5));
        assertThat(session.isInvalid()).isFalse();
    }

    private void page(boolean htmx) throws Exception {
        MockHttpServletRequest request = request();
        if (htmx) {
            request.addHeader("HX-Request", "true");
        }
        interceptor().preHandle(request, new MockHttpServletResponse(), new Object());
    }

    private HandlerInterceptor interceptor() {
        HandlerInterceptor[] found = new HandlerInterceptor[1];
        activity.addInterceptors(new InterceptorRegistry() {
            @Override
            public org.springframework.web.servlet.config.annotation.InterceptorRegistration addInterceptor(
                    HandlerInterceptor interceptor) {
                found[0] = interceptor;
                return super.addInterceptor(interceptor);
            }
        });
        return found[0];
    }

    private MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cases");
        request.setSession(session);
        return request;
    }

    private void pass(Duration time) {
        now.updateAndGet(instant -> instant.plus(time));
    }
}
