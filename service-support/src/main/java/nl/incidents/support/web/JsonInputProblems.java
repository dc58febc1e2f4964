package nl.incidents.support.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What is wrong with a JSON body, in words for a person: the field at fault by its JSON path
 * ({@code involvedParties[3].role}) and what it accepts, never Jackson's wording or a Java type.
 */
final class JsonInputProblems {

    /**
     * The field at fault (null for the body as a whole), the sentence that says what is wrong and its
     * stable code ({@code field.unknown}, {@code field.invalid}, {@code field.repeated}, {@code body.invalid},
     * {@code body.missing}).
     */
    record Problem(String code, String field, String detail) {
    }

    private JsonInputProblems() {
    }

    static Problem of(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return new Problem("field.unknown", field, name(field) + " is not a field of this request; it takes "
                    + fieldsOf(unknown.getReferringClass()) + ".");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            if (field == null) {
                return new Problem("body.invalid", null, mismatch.getOriginalMessage().startsWith("Trailing token")
                        ? "The request body must hold one JSON object and nothing after it."
                        : "The request body must be a JSON object with " + fieldsOf(mismatch.getTargetType()) + ".");
            }
            return new Problem("field.invalid", field, field + " must be " + expected(mismatch.getTargetType()) + ".");
        }
        if (cause instanceof StreamConstraintsException) {
            return new Problem("body.invalid", null, "The request body nests too deeply or holds a value that is too long.");
        }
        if (cause instanceof JsonEOFException) {
            return new Problem("body.invalid", null, "The request body ends before its JSON is complete.");
        }
        if (cause instanceof JsonProcessingException parsing) {
            String message = parsing.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field") && parsing.getProcessor() instanceof JsonParser parser) {
                String field = path(parser.getParsingContext());
                return new Problem("field.repeated", field, field + " is given more than once; give each field once.");
            }
            JsonLocation at = parsing.getLocation();
            return new Problem("body.invalid", null, "The request body is not valid JSON"
                    + (at != null && at.getLineNr() > 0 ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : "")
                    + ".");
        }
        return new Problem("body.missing", null, "This request needs a JSON body.");
    }

    /** What a value of {@code type} looks like, for a person. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Instant.class) {
            return "a time as text in ISO 8601 form with its offset, such as \"2026-11-20T20:15:00Z\"";
        }
        if (type == UUID.class) {
            return "an id as text in the form \"3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21\"";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object with " + fieldsOf(type);
    }

    /** What a path or query parameter of {@code type} looks like, for a person. */
    static String expectedParameter(Class<?> type) {
        if (type == UUID.class) {
            return "an id in the form 3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21";
        }
        if (type != null && (type.isEnum() || type == int.class || type == Integer.class || type == boolean.class)) {
            return expected(type);
        }
        return "a valid value";
    }

    private static String fieldsOf(Class<?> type) {
        if (type != null && type.isRecord()) {
            return "the fields " + Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.joining(", "));
        }
        return "the fields described in the API documentation";
    }

    private static String name(String path) {
        return path == null ? "This field" : path;
    }

    /** The JSON path of a mapping failure ({@code involvedParties[3].role}), or null for the body itself. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, c.getCurrentName());
            } else if (c.inArray()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            path.append(path.isEmpty() || part.startsWith("[") ? "" : ".").append(part);
        }
        return path.toString();
    }
}
