package nl.incidents.support.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}), in place of Spring Boot's: whatever reaches it
 * (an exception thrown in a filter, a {@code sendError} anywhere) is answered as problem+json. Asked
 * for directly it is no error at all, and answers 404 like any other address without a page.
 */
@Hidden
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    private final ProblemHandling problems;

    ProblemErrorController(ProblemHandling problems) {
        this.problems = problems;
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer status)) {
            return ProblemHandling.problem(HttpStatus.NOT_FOUND, ProblemResponses.detailFor(HttpStatus.NOT_FOUND), null);
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus answer = known != null && status >= 400 ? known : HttpStatus.INTERNAL_SERVER_ERROR;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Exception thrown && answer.is5xxServerError()) {
            // Thrown in a filter, before Spring MVC: answered as ProblemHandling answers it there.
            return problems.unexpected(thrown);
        }
        return ProblemHandling.problem(answer, ProblemResponses.detailFor(answer), null);
    }
}
