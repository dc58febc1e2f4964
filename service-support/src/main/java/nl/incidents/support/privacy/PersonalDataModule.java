package nl.incidents.support.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import nl.incidents.kernel.incident.IncidentEvent;

/**
 * The Jackson module that makes a mapper write every {@link IncidentEvent} with its personal data encrypted and
 * read it back decrypted ({@link PersonalDataCipher}): the event is turned into JSON by the kernel's own mapping
 * ({@code plain}), its personal-data fields encrypted, and written; read, the other way round. Registered on the
 * event serializer Axon stores events with, so the JDBC event store, Axon Server and the dead letters alike hold
 * only ciphertext of personal data.
 */
public final class PersonalDataModule extends SimpleModule {

    public PersonalDataModule(PersonalDataCipher cipher, ObjectMapper plain) {
        super("personal-data-encrypted");
        addSerializer(IncidentEvent.class, new Encrypting(cipher, plain));
        setDeserializers(new SimpleDeserializers() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                            BeanDescription description) throws JsonMappingException {
                Class<?> raw = type.getRawClass();
                return IncidentEvent.class.isAssignableFrom(raw) && raw.isRecord()
                        ? new Decrypting(raw, cipher, plain) : super.findBeanDeserializer(type, config, description);
            }
        });
    }

    private static final class Encrypting extends StdSerializer<IncidentEvent> {

        private final transient PersonalDataCipher cipher;
        private final transient ObjectMapper plain;

        Encrypting(PersonalDataCipher cipher, ObjectMapper plain) {
            super(IncidentEvent.class);
            this.cipher = cipher;
            this.plain = plain;
        }

        @Override
        public void serialize(IncidentEvent event, JsonGenerator generator, SerializerProvider provider) throws IOException {
            ObjectNode tree = plain.valueToTree(event);
            cipher.encrypt(event.getClass(), tree);
            generator.writeTree(tree);
        }
    }

    private static final class Decrypting extends StdDeserializer<Object> {

        private final transient PersonalDataCipher cipher;
        private final transient ObjectMapper plain;

        Decrypting(Class<?> type, PersonalDataCipher cipher, ObjectMapper plain) {
            super(type);
            this.cipher = cipher;
            this.plain = plain;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            ObjectNode tree = parser.readValueAs(ObjectNode.class);
            cipher.decrypt(handledType(), tree);
            return plain.treeToValue(tree, handledType());
        }
    }
}
