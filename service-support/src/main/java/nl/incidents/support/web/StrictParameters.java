package nl.incidents.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * How path and query parameters are read: exactly as written, as {@link StrictJsonInput} reads bodies.
 * Spring's conversion falls back on lenient readers when its own fails: {@code 0x10} would be 16,
 * {@code " PUPIL "} or the enum's class name with {@code .PUPIL} would be {@code PUPIL}, and
 * {@code 1-1-1-1-1} the id {@code 00000001-0001-0001-0001-000000000001}; a client that sent one of those
 * would get an answer about something it did not ask for. Editors registered for the handler's own
 * parameter types take the place of both.
 */
@ControllerAdvice
final class StrictParameters {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");

    @InitBinder
    void readExactly(WebDataBinder binder, HttpServletRequest request) {
        if (binder.getTarget() != null) {
            return; // a request body, read by StrictJsonInput
        }
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                register(binder, parameter.getParameterType());
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(WebDataBinder binder, Class<?> type) {
        if (type == UUID.class) {
            binder.registerCustomEditor(type, new Exact(text -> StrictJsonInput.CANONICAL_UUID.matcher(text).matches()
                    ? UUID.fromString(text) : null));
        } else if (type == Integer.class || type == int.class) {
            binder.registerCustomEditor(type, new Exact(text -> WHOLE_NUMBER.matcher(text).matches() ? Integer.valueOf(text) : null));
        } else if (type.isEnum()) {
            binder.registerCustomEditor(type, new Exact(text -> {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum) constant).name().equals(text)) {
                        return constant;
                    }
                }
                return null;
            }));
        }
    }

    /** Reads a value exactly, or refuses it; an empty value is no value, as with Spring's own editors. */
    private static final class Exact extends PropertyEditorSupport {

        private final Function<String, Object> read;

        Exact(Function<String, Object> read) {
            this.read = read;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                setValue(null);
                return;
            }
            Object value = read.apply(text);
            if (value == null) {
                throw new IllegalArgumentException("not an accepted value");
            }
            setValue(value);
        }
    }
}
