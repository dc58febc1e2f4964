package nl.incidents.support.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report as problem+json with the security headers, in place of its HTML page. Tomcat
 * answers some requests itself, before any filter or servlet sees them: an address with an encoded
 * {@code /}, {@code \} or NUL, a broken {@code %} escape, a request line or headers beyond its limit
 * (an 8 KB path). Everything that reaches Spring is answered there; this only writes a body where
 * nothing was written yet.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    /** Puts this valve in the place of the host's error report valve, Tomcat's or the one Spring Boot adds. */
    static void install(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemErrorReportValve());
        if (host instanceof StandardHost standardHost) {
            // Otherwise the host adds its default valve again when it starts.
            standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(code);
        HttpStatus status = known != null ? known : HttpStatus.BAD_REQUEST;
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            ProblemResponses.SECURITY_HEADERS.forEach(response::setHeader);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemResponses.body(status, ProblemResponses.detailFor(status), null));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the answer is already on its way: there is nobody left to tell.
        }
    }
}
