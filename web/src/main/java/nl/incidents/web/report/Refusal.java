package nl.incidents.web.report;

import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.web.client.RestClientResponseException;

/**
 * A service's refusal as the services answer it (RFC 9457 problem+json): the HTTP {@code status}, the English
 * {@code detail}, the {@code field} at fault when one is (the service's name for it, e.g.
 * {@code involvedParties[1].personId}) and the stable {@code code} when the service gives one. Read here until the
 * shared {@code nl.incidents.web.services.ServiceProblem} is in place.
 */
record Refusal(int status, String detail, String field, String code) {

    /** The refusal in a service's answer; a body that is no problem gives only the status. */
    static Refusal of(RestClientResponseException answer) {
        Body body = null;
        try {
            body = answer.getResponseBodyAs(Body.class);
        } catch (RuntimeException notAProblem) {
            // no JSON body: the status says enough
        }
        return body == null ? new Refusal(answer.getStatusCode().value(), null, null, null)
                : new Refusal(answer.getStatusCode().value(), body.detail(), body.field(), body.code());
    }

    /** What to tell the person: the text for the code in their language when there is one, else the detail. */
    Optional<String> message(MessageSource messages, Locale locale) {
        if (code != null) {
            String text = messages.getMessage(code, null, null, locale);
            if (text == null) {
                text = messages.getMessage("refusal." + code, null, null, locale);
            }
            if (text != null) {
                return Optional.of(text);
            }
        }
        return Optional.ofNullable(detail);
    }

    /** The JSON of a problem, the members read here. */
    record Body(String detail, String field, String code) {
    }
}
