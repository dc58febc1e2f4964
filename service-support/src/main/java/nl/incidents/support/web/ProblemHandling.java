package nl.incidents.support.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.incidents.kernel.RequestRefused;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as RFC 9457 problem+json. Bad input names the field at fault in {@code field}
 * (and all of them in {@code errors}); a refusal by the domain carries the reason it gave.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<ProblemDetail> refused(RequestRefused e) {
        return problem(statusOf(e.kind()), e.getMessage(), e.field());
    }

    @ExceptionHandler(HandlerExecutionException.class)
    ResponseEntity<ProblemDetail> remoteRefusal(HandlerExecutionException e) {
        // Across Axon Server a handler's exception arrives as details, not as the exception itself.
        return e.getDetails()
                .filter(RequestRefused.Details.class::isInstance)
                .map(d -> refused(((RequestRefused.Details) d).toException()))
                .orElseGet(() -> unexpected(e));
    }

    /** Anything else is our fault: logged in full, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("Request failed unexpectedly", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; it has been logged. Please try again later.", null);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownIncident(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "There is no incident " + e.getAggregateIdentifier() + ".", null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Your role may not do this.", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badPathValue(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a valid " + e.getName() + ".", e.getName());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(f -> f.get("field") + ": " + f.get("message")).collect(Collectors.joining("; "));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Invalid input");
        if (!errors.isEmpty()) {
            body.setProperty("field", errors.get(0).get("field"));
        }
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = null;
        String detail = "The request body is not valid JSON for this request.";
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            detail = "The value of '" + field + "' is not valid: " + mapping.getOriginalMessage().split("\n")[0];
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Invalid input");
        if (field != null) {
            body.setProperty("field", field);
        }
        return ResponseEntity.badRequest().body(body);
    }

    static HttpStatus statusOf(RequestRefused.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            body.setProperty("field", field);
        }
        return ResponseEntity.status(status).body(body);
    }
}
