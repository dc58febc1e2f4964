package nl.incidents.web.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.web.client.RestClientResponseException;

/**
 * A refusal (weigering) of the command or query service, read from its RFC 9457 problem+json answer: the HTTP
 * {@code status}, the stable {@code code} of the rule that refused ({@code state.closed}, {@code field.required}...;
 * null from a service that gives none), the {@code field} at fault (the JSON path, or null), the English
 * {@code detail} (null when the answer was no problem+json), and the further properties the code's text may need
 * ({@code action}, {@code measure}, {@code role}...), as text.
 *
 * <p>{@link #text} says it in the person's language from {@code messages/refusals_*.properties}, by code (key
 * {@code refusal.<code>}), falling back to the detail, then to a general sentence.
 */
public record ServiceProblem(int status, String code, String field, String detail, Map<String, String> parameters) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "instance", "code", "field");

    public ServiceProblem {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** The problem a service answered; a body that is not a JSON object gives only the status. */
    public static ServiceProblem of(RestClientResponseException e) {
        int status = e.getStatusCode().value();
        JsonNode body;
        try {
            body = JSON.readTree(e.getResponseBodyAsByteArray());
        } catch (IOException notJson) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return new ServiceProblem(status, null, null, null, Map.of());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        body.fields().forEachRemaining(entry -> {
            if (!STANDARD.contains(entry.getKey()) && entry.getValue().isValueNode()) {
                parameters.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return new ServiceProblem(status, text(body, "code"), text(body, "field"), text(body, "detail"), parameters);
    }

    /**
     * The refusal in the person's language: the text of {@code refusal.<code>}, its arguments the parameters named
     * in {@code refusal.<code>.args} (comma-separated; each said through {@code <prefix>.<value>} when a text of
     * that name exists); else the service's detail; else {@code refusal.unknown}.
     */
    public String text(MessageSource messages, Locale locale) {
        if (code != null) {
            String key = "refusal." + code;
            String pattern = messages.getMessage(key, null, null, locale);
            if (pattern != null) {
                return messages.getMessage(key, arguments(messages, locale), locale);
            }
        }
        if (detail != null && !detail.isBlank()) {
            return detail;
        }
        return messages.getMessage("refusal.unknown", null, "The service refused this.", locale);
    }

    private Object[] arguments(MessageSource messages, Locale locale) {
        String names = messages.getMessage("refusal." + code + ".args", null, "", locale);
        List<Object> values = new ArrayList<>();
        for (String name : names.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            String value = parameters.getOrDefault(name.trim(), "");
            values.add(messages.getMessage("refusal.value." + value, null, value.toLowerCase(Locale.ROOT), locale));
        }
        return values.toArray();
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
