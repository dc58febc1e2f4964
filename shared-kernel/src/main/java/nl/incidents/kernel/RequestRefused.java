package nl.incidents.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A command or query the system refuses (een weigering), with a reason a person understands. The kind
 * says how the refusal is answered over HTTP; {@code field} names the input at fault, when one is;
 * {@code code} names the rule that refused, stably and for machines (such as {@code state.closed} or
 * {@code policy.involved}), so that a client can say it in the person's own language; the
 * {@code parameters} are what such a text needs beyond the code (such as the {@code action}
 * attempted), as text. The message stays the English sentence for API clients.
 */
public class RequestRefused extends RuntimeException {

    /** What a code looks like: lower-case words joined by dots and hyphens, such as {@code report.harms.missing}. */
    public static final Pattern CODE = Pattern.compile("[a-z]+(-[a-z]+)*(\\.[a-z]+(-[a-z]+)*)+");

    /** Why a request is refused. */
    public enum Kind {
        /** The input is wrong (400). */
        INVALID,
        /** The actor's role may not do this (403). */
        FORBIDDEN,
        /** No such case or person (404). */
        NOT_FOUND,
        /** The case's state does not allow this step (409). */
        CONFLICT
    }

    private final Kind kind;
    private final String field;
    private final String code;
    private final Map<String, String> parameters;

    /**
     * @throws IllegalArgumentException when the code is not of the form {@link #CODE}
     */
    public RequestRefused(Kind kind, String code, String field, String message, Map<String, String> parameters) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Not a refusal code: " + code);
        }
        this.field = field;
        this.parameters = parameters == null || parameters.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static RequestRefused invalid(String code, String field, String message) {
        return new RequestRefused(Kind.INVALID, code, field, message, null);
    }

    public static RequestRefused forbidden(String code, String message) {
        return new RequestRefused(Kind.FORBIDDEN, code, null, message, null);
    }

    public static RequestRefused notFound(String code, String message) {
        return new RequestRefused(Kind.NOT_FOUND, code, null, message, null);
    }

    public static RequestRefused conflict(String code, String message) {
        return new RequestRefused(Kind.CONFLICT, code, null, message, null);
    }

    /** This refusal with one more parameter for the text of its code. */
    public RequestRefused with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new RequestRefused(kind, code, field, getMessage(), more);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field at fault, or null. */
    public String field() {
        return field;
    }

    /** The rule that refused, stable across versions and languages ({@link #CODE}). */
    public String code() {
        return code;
    }

    /** What the code's text needs beyond the code itself, by name; often empty. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** What crosses a process boundary (Axon Server) in place of the exception itself. */
    public Details details() {
        return new Details(kind, code, field, getMessage(), parameters);
    }

    /** The serializable form of a refusal. */
    public record Details(Kind kind, String code, String field, String message, Map<String, String> parameters) {

        public RequestRefused toException() {
            return new RequestRefused(kind, code, field, message, parameters);
        }
    }
}
