package nl.incidents.kernel;

/**
 * A command or query the system refuses, with a reason a person understands. The kind says how
 * the refusal is answered over HTTP; {@code field} names the input at fault, when one is.
 */
public class RequestRefused extends RuntimeException {

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

    public RequestRefused(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static RequestRefused invalid(String field, String message) {
        return new RequestRefused(Kind.INVALID, field, message);
    }

    public static RequestRefused forbidden(String message) {
        return new RequestRefused(Kind.FORBIDDEN, null, message);
    }

    public static RequestRefused notFound(String message) {
        return new RequestRefused(Kind.NOT_FOUND, null, message);
    }

    public static RequestRefused conflict(String message) {
        return new RequestRefused(Kind.CONFLICT, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field at fault, or null. */
    public String field() {
        return field;
    }

    /** What crosses a process boundary (Axon Server) in place of the exception itself. */
    public Details details() {
        return new Details(kind, field, getMessage());
    }

    /** The serializable form of a refusal. */
    public record Details(Kind kind, String field, String message) {

        public RequestRefused toException() {
            return new RequestRefused(kind, field, message);
        }
    }
}
