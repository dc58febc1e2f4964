package nl.incidents.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.incidents.kernel.calendar.SchoolCalendar;
import nl.incidents.kernel.json.IncidentsJson;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every time a person reads, in Dutch time (Europe/Amsterdam), as the mails and the inbox give it:
 * in JSON an ISO time with its offset ({@code 2026-11-29T21:13:40+01:00}, the same instant as the
 * UTC time kept in the stores), in a sentence {@code 2026-11-29 21:13 CET}. Only what is shown
 * changes: stored events and the messages between the services keep UTC.
 */
@Configuration(proxyBeanMethods = false)
public class AmsterdamTime {

    public static final ZoneId ZONE = SchoolCalendar.ZONE;
    private static final DateTimeFormatter TEXT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH).withZone(ZONE);
    private static final JsonSerializer<Instant> JSON = new JsonSerializer<>() {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(of(value)));
        }
    };
    private static final ObjectMapper PAYLOADS = IncidentsJson.messageMapper()
            .registerModule(new SimpleModule("amsterdam-time").addSerializer(Instant.class, JSON));

    /** The instant in Amsterdam, with the offset it had there then. */
    public static OffsetDateTime of(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZONE);
    }

    /** For a sentence: {@code 2026-11-29 21:13 CET}. */
    public static String text(Instant instant) {
        return TEXT.format(instant);
    }

    /** A stored message written for a person: as the kernel maps it, but every time in Amsterdam. */
    public static ObjectMapper payloads() {
        return PAYLOADS;
    }

    /** The API's own JSON writes every {@link Instant} in Amsterdam. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer amsterdamTimeInTheApi() {
        return builder -> builder.serializerByType(Instant.class, JSON);
    }
}
