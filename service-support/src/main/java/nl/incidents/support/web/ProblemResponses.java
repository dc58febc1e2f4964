package nl.incidents.support.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A problem+json answer written straight to the servlet response, for the answers given before or
 * outside Spring MVC (sign-in, the firewall, Tomcat itself), with the same security headers Spring
 * Security puts on every other answer: whoever answers, the client gets the same shape and the same
 * protection.
 */
public final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The headers Spring Security writes on every answer that passes through it; set here on those that do not. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "X-XSS-Protection", "0",
            HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate",
            HttpHeaders.PRAGMA, "no-cache",
            HttpHeaders.EXPIRES, "0");

    private ProblemResponses() {
    }

    /** Sets the security headers on {@code response}. */
    public static void secure(HttpServletResponse response) {
        SECURITY_HEADERS.forEach(response::setHeader);
    }

    /** Writes a problem with {@code status} and {@code detail} (a sentence for a person) to {@code response}. */
    public static void write(HttpServletResponse response, HttpStatus status, String detail, String instance)
            throws IOException {
        write(response, status, codeFor(status), detail, instance);
    }

    /** Writes a problem with {@code status}, its stable {@code code} and {@code detail} to {@code response}. */
    public static void write(HttpServletResponse response, HttpStatus status, String code, String detail, String instance)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        secure(response);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(status, code, detail, instance));
        response.flushBuffer();
    }

    /** The problem+json text of a problem. */
    static String body(HttpStatus status, String detail, String instance) {
        return body(status, codeFor(status), detail, instance);
    }

    /** The problem+json text of a problem with its code. */
    static String body(HttpStatus status, String code, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("code", code);
        if (instance != null) {
            problem.put("instance", instance);
        }
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings and a number is always JSON", e);
        }
    }

    /**
     * The stable code (for machines, see {@code RequestRefused#code()}) of an answer nothing more specific is
     * known about than its status.
     */
    static String codeFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "request.unreadable";
            case UNAUTHORIZED -> "sign-in.required";
            case FORBIDDEN -> "access.denied";
            case NOT_FOUND -> "request.no-page";
            case METHOD_NOT_ALLOWED -> "request.method";
            case NOT_ACCEPTABLE -> "request.accept";
            case PAYLOAD_TOO_LARGE -> "body.too-large";
            case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "request.too-long";
            case UNSUPPORTED_MEDIA_TYPE -> "request.media-type";
            case TOO_MANY_REQUESTS -> "sign-in.limited";
            case NOT_IMPLEMENTED, HTTP_VERSION_NOT_SUPPORTED -> "request.unsupported";
            case SERVICE_UNAVAILABLE -> "service.unavailable";
            default -> status.is5xxServerError() ? "service.fault" : "request.refused";
        };
    }

    /** A sentence for a person for an answer nothing more specific is known about than its status. */
    static String detailFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is not valid HTTP, or its address or headers cannot be read.";
            case UNAUTHORIZED -> "Sign in with your user name and password.";
            case FORBIDDEN -> "Your role may not do this.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this method.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case URI_TOO_LONG -> "The request's address is too long.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are too large.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case NOT_IMPLEMENTED, HTTP_VERSION_NOT_SUPPORTED -> "The request uses a feature of HTTP this service does not support.";
            case SERVICE_UNAVAILABLE -> "The service cannot answer right now. Please try again in a moment.";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side; it has been logged. Please try again later."
                    : "The request cannot be answered: " + status.getReasonPhrase() + ".";
        };
    }
}
