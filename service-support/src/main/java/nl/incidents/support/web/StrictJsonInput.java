package nl.incidents.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * How the HTTP API reads JSON: exactly what the request says, or a refusal. A field given twice, a
 * field the request does not have, a number for an enum, a number or {@code true} for a text, a
 * number for a time, or anything after the one JSON value is bad input, never silently turned into
 * something else. Times are ISO 8601 text with an offset ({@code 2026-11-20T20:15:00Z}), ids the
 * canonical form of a UUID.
 *
 * <p>This customizes Spring's {@code ObjectMapper}, which reads requests and writes answers. Stored
 * and routed messages are read by the kernel's own mapper, which stays tolerant so that old events
 * remain readable.
 */
public final class StrictJsonInput implements Jackson2ObjectMapperBuilderCustomizer {

    /** The canonical form of a UUID, the only one accepted: {@link UUID#fromString} also takes "1-1-1-1-1". */
    static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public void customize(Jackson2ObjectMapperBuilder builder) {
        builder.featuresToEnable(
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .featuresToDisable(
                        MapperFeature.ALLOW_COERCION_OF_SCALARS,
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .deserializerByType(Instant.class, new IsoInstant())
                .deserializerByType(UUID.class, new CanonicalUuid())
                .postConfigurer(mapper -> {
                    // ALLOW_COERCION_OF_SCALARS covers numbers and booleans, not text: a number or true
                    // for a text field would still become "12" or "true".
                    for (CoercionInputShape shape : new CoercionInputShape[] {
                            CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
                        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
                        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(shape, CoercionAction.Fail);
                    }
                    mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                });
    }

    /** A time only as ISO 8601 text with its offset; never a number, which Jackson would read as seconds since 1970. */
    static final class IsoInstant extends StdScalarDeserializer<Instant> {

        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO 8601 time with offset");
            }
        }
    }

    /** An id only in the canonical form of a UUID; Jackson also reads base64 and shortened forms as some other id. */
    static final class CanonicalUuid extends StdScalarDeserializer<UUID> {

        CanonicalUuid() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (UUID) context.handleUnexpectedToken(UUID.class, p);
            }
            String text = p.getText();
            if (!CANONICAL_UUID.matcher(text).matches()) {
                return (UUID) context.handleWeirdStringValue(UUID.class, text, "not a UUID");
            }
            return UUID.fromString(text);
        }
    }
}
