package nl.incidents.support.web;

import java.util.Optional;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.support.messaging.Outages;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every answer that is not a success, as RFC 9457 problem+json in words for a person. Bad input names
 * the first field at fault in {@code field}, by its JSON path ({@code involvedParties[3].role}), and
 * only that one, so the answer stays small whatever was sent. A refusal by the domain carries the
 * reason it gave. A back end that is away is 503 with {@code Retry-After}.
 *
 * <p>Logging: a refusal (4xx) is one line at debug level, an outage one warning line, and only a
 * fault of ours (500) is logged with its stack trace.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<ProblemDetail> refused(RequestRefused e) {
        ResponseEntity<ProblemDetail> answer = refusal(statusOf(e.kind()), e.code(), e.getMessage(), e.field());
        e.parameters().forEach((name, value) -> answer.getBody().setProperty(name, value));
        return answer;
    }

    @ExceptionHandler(HandlerExecutionException.class)
    ResponseEntity<ProblemDetail> carried(HandlerExecutionException e) {
        // Across Axon Server a handler's exception arrives as details, not as the exception itself.
        Optional<Object> details = e.getDetails();
        if (details.filter(RequestRefused.Details.class::isInstance).isPresent()) {
            return refused(((RequestRefused.Details) details.get()).toException());
        }
        if (details.filter(Outages.BackEndAway.class::isInstance).isPresent()) {
            return unavailable(e);
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownIncident(AggregateNotFoundException e) {
        return refusal(HttpStatus.NOT_FOUND, "case.unknown", "There is no incident " + e.getAggregateIdentifier() + ".", null);
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> raced(RuntimeException e) {
        return refusal(HttpStatus.CONFLICT, "case.changed",
                "Another change to this case was stored at the same moment. Read the case again and send this once more.", null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return refusal(HttpStatus.FORBIDDEN, "access.denied", ProblemResponses.detailFor(HttpStatus.FORBIDDEN), null);
    }

    /** Anything else is an outage, or our fault: then logged in full, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (Outages.backEndAway(e)) {
            return unavailable(e);
        }
        LOG.error("Request failed unexpectedly", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemResponses.detailFor(HttpStatus.INTERNAL_SERVER_ERROR), null);
    }

    private static ResponseEntity<ProblemDetail> unavailable(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        LOG.warn("Answered 503, a back end is away: {}: {}", root.getClass().getSimpleName(), root.getMessage());
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, Outages.SENTENCE, null);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Outages.RETRY_AFTER.toSeconds()))
                .body(problem.getBody());
    }

    /** A multipart form larger than {@code spring.servlet.multipart} allows: the one file it carries is too large. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return refusalObject(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.file.too-large",
                "The file is too large to be received.", "file");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldError first = e.getBindingResult().getFieldError();
        if (first == null) {
            return badInput("field.invalid", null, "The request is not valid: " + message(e.getBindingResult().getGlobalError()) + ".");
        }
        return badInput(codeOf(first), first.getField(), first.getField() + " " + message(first) + ".");
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return e.getParameterValidationResults().stream().findFirst()
                .map(result -> {
                    MessageSourceResolvable error = result.getResolvableErrors().get(0);
                    String name = error instanceof FieldError field ? field.getField() : result.getMethodParameter().getParameterName();
                    return badInput(codeOf(error), name, name + " " + message(error) + ".");
                })
                .orElseGet(() -> badInput("field.invalid", null, "The request is not valid."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyGuard.TooLarge tooLarge) {
                return refusalObject(HttpStatus.PAYLOAD_TOO_LARGE, "body.too-large", tooLarge.getMessage(), null);
            }
        }
        JsonInputProblems.Problem problem = JsonInputProblems.of(e.getCause());
        return badInput(problem.code(), problem.field(), problem.detail());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() != null ? e.getPropertyName() : "A parameter";
        return badInput("field.invalid", e.getPropertyName(), name + " must be " + JsonInputProblems.expectedParameter(e.getRequiredType()) + ".");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return refusalObject(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.media-type", ProblemResponses.detailFor(HttpStatus.UNSUPPORTED_MEDIA_TYPE), null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return refusalObject(HttpStatus.NOT_ACCEPTABLE, "request.accept", "This answer is given as application/json only.", null);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return refusalObject(HttpStatus.NOT_FOUND, "request.no-page", ProblemResponses.detailFor(HttpStatus.NOT_FOUND), null);
    }

    /**
     * Logs Spring MVC's own answers (405, 400 for a missing parameter...): a refusal in one line, a fault
     * of ours with its trace.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            LOG.error("Request failed unexpectedly", e);
        } else {
            LOG.debug("Refused with {}: {}", statusCode.value(), e.getClass().getSimpleName());
        }
        return super.handleExceptionInternal(e, body, headers, statusCode, request);
    }

    /** Spring MVC's own answers keep their wording, as problem+json whatever the client said it accepts. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey("code"))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            problem.setProperty("code", status == null ? "request.refused" : ProblemResponses.codeFor(status));
        }
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    private static String message(MessageSourceResolvable error) {
        return error == null || error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    /**
     * The code of a Bean Validation error, by its constraint: {@code field.required} (given, not empty),
     * {@code field.too-long}, {@code field.format} (a pattern), {@code field.plain-text},
     * {@code field.time}, {@code field.repeated} (a value named twice), else {@code field.invalid}.
     */
    static String codeOf(MessageSourceResolvable error) {
        String[] codes = error == null ? null : error.getCodes();
        String constraint = codes == null || codes.length == 0 ? "" : codes[codes.length - 1];
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "field.required";
            case "Size", "Max" -> "field.too-long";
            case "Pattern" -> "field.format";
            case "PlainText" -> "field.plain-text";
            case "PastTime" -> "field.time";
            case "UniqueElements" -> "field.repeated";
            default -> "field.invalid";
        };
    }

    private static ResponseEntity<Object> badInput(String code, String field, String detail) {
        return refusalObject(HttpStatus.BAD_REQUEST, code, detail, field);
    }

    private static ResponseEntity<Object> refusalObject(HttpStatus status, String code, String detail, String field) {
        ResponseEntity<ProblemDetail> problem = refusal(status, code, detail, field);
        return new ResponseEntity<>(problem.getBody(), problem.getHeaders(), problem.getStatusCode());
    }

    private static ResponseEntity<ProblemDetail> refusal(HttpStatus status, String code, String detail, String field) {
        LOG.debug("Refused with {} {}{}", status.value(), code, field == null ? "" : " (field " + field + ")");
        return problem(status, code, detail, field);
    }

    static HttpStatus statusOf(RequestRefused.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    /** A problem+json answer with the code of its status ({@link ProblemResponses#codeFor}). */
    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field) {
        return problem(status, ProblemResponses.codeFor(status), detail, field);
    }

    /**
     * A problem+json answer: {@code detail} for a person (English), {@code code} for machines (stable, such
     * as {@code field.required}), {@code field} the input at fault or null. Its type is set explicitly, so
     * that it is given whatever the client said it accepts.
     */
    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail, String field) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setProperty("code", code);
        if (field != null) {
            body.setProperty("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
