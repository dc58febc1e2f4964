package nl.incidents.support.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.crypto.tink.DeterministicAead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.privacy.Classification.Entry;
import nl.incidents.kernel.privacy.Classification;
import nl.incidents.kernel.privacy.PersonalData;

/**
 * Encrypts and decrypts the personal-data fields of an event's JSON, as the kernel's {@link Classification} names
 * them, each with the key of the case or of the person it concerns ({@link PersonalDataKeys}).
 * <p>
 * An encrypted field holds a JSON string {@code "pd1:<key id>:<base64url ciphertext>"}: the field's own JSON
 * value encrypted with AES256-SIV (deterministic AEAD, RFC 5297), the associated data being the case id and the
 * field's path ({@code DerailingDiscussionReported.involvedParties.personId}), so a ciphertext moved to another
 * field or case does not open. Deterministic: the same event always gives the same bytes, which the hash chain over
 * the stored form needs. A field whose key is gone reads {@value PersonalData#ERASED}; the neutral value itself,
 * and an absent value, are stored as they are.
 */
public class PersonalDataCipher {

    static final String PREFIX = "pd1:";
    /** The path an actor id is encrypted under: the metadata's key. */
    private static final String ACTOR = "metaData." + Actor.ID_KEY;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final PersonalDataKeys keys;
    private final ObjectMapper json;

    public PersonalDataCipher(PersonalDataKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** Encrypts, in place, the personal data of an event of {@code type} in its JSON {@code tree}. */
    public void encrypt(Class<?> type, ObjectNode tree) {
        IncidentId incidentId = IncidentId.of(tree.path("incidentId").asText());
        walk(Classification.of(type), tree, incidentId, type.getSimpleName(), true);
    }

    /** Decrypts, in place, the personal data of an event of {@code type} in its JSON {@code tree}. */
    public void decrypt(Class<?> type, ObjectNode tree) {
        IncidentId incidentId = IncidentId.of(tree.path("incidentId").asText());
        walk(Classification.of(type), tree, incidentId, type.getSimpleName(), false);
    }

    /**
     * The metadata's actor id of an event of this case, encrypted with the actor's key of the case (as a person
     * reference in the payload is), so that erasing the person erases their part as actor too; the system, and a
     * value already encrypted, stay as they are.
     */
    public String encryptActor(IncidentId incidentId, String actorId) {
        if (actorId == null || actorId.startsWith(PREFIX) || Actor.SYSTEM.id().value().equals(actorId)
                || PersonalData.ERASED.equals(actorId)) {
            return actorId;
        }
        PersonalDataKeys.Key key = keys.ofPerson(incidentId, PersonId.of(actorId));
        try {
            byte[] ciphertext = key.aead().encryptDeterministically(actorId.getBytes(StandardCharsets.UTF_8),
                    associated(incidentId, ACTOR));
            return PREFIX + key.id() + ":" + ENCODE.encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the actor of an event of case " + incidentId + " cannot be encrypted", e);
        }
    }

    /**
     * The metadata's actor id of an event of this case as {@link #encryptActor} stored it: the id, or {@value
     * PersonalData#ERASED} once the actor's key of the case is gone; a value stored in the clear (the system, or an
     * event stored before actors were encrypted) as it is.
     */
    public String decryptActor(IncidentId incidentId, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        Optional<DeterministicAead> key = colon < 0 ? Optional.empty()
                : keys.byId(stored.substring(PREFIX.length(), colon));
        if (key.isEmpty()) {
            return PersonalData.ERASED;
        }
        try {
            return new String(key.get().decryptDeterministically(DECODE.decode(stored.substring(colon + 1)),
                    associated(incidentId, ACTOR)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the actor of an event of case " + incidentId
                    + " does not decrypt: it was changed or moved", e);
        }
    }

    /**
     * Who acted in an event of this case, from its metadata as stored: the person in their role (their id reading
     * {@value PersonalData#ERASED} once their key of the case is gone), or null when the metadata names none.
     */
    public Actor actor(IncidentId incidentId, Map<String, ?> metaData) {
        Object id = metaData.get(Actor.ID_KEY);
        Object role = metaData.get(Actor.ROLE_KEY);
        if (id == null || role == null) {
            return null;
        }
        return new Actor(new PersonId(decryptActor(incidentId, id.toString())), ActorRole.valueOf(role.toString()));
    }

    private void walk(List<Entry> entries, ObjectNode node, IncidentId incidentId, String path, boolean encrypt) {
        ObjectNode original = encrypt ? node.deepCopy() : null; // a person's field may come before their id
        for (Entry entry : entries) {
            JsonNode value = node.get(entry.name());
            if (value == null || value.isNull()) {
                continue;
            }
            String at = path + "." + entry.name();
            if (!entry.value()) {
                if (entry.many() && value.isArray()) {
                    value.forEach(element -> {
                        if (element instanceof ObjectNode object) {
                            walk(entry.children(), object, incidentId, at, encrypt);
                        }
                    });
                } else if (value instanceof ObjectNode object) {
                    walk(entry.children(), object, incidentId, at, encrypt);
                }
            } else if (encrypt) {
                encrypted(entry, original, value, incidentId, at).ifPresent(text -> node.set(entry.name(), text));
            } else {
                node.set(entry.name(), decrypted(value, incidentId, at));
            }
        }
    }

    private Optional<TextNode> encrypted(Entry entry, ObjectNode original, JsonNode value, IncidentId incidentId,
                                         String at) {
        if (PersonalData.ERASED.equals(value.asText(null))) {
            return Optional.empty(); // the neutral text is nobody's data
        }
        PersonalDataKeys.Key key;
        if (entry.ofTheCase()) {
            key = keys.ofCase(incidentId);
        } else {
            String person = original.path(entry.person()).asText(null);
            if (person == null || PersonalData.ERASED.equals(person)) {
                return Optional.of(TextNode.valueOf(PersonalData.ERASED)); // the person can no longer be named
            }
            key = keys.ofPerson(incidentId, PersonId.of(person));
        }
        try {
            byte[] ciphertext = key.aead().encryptDeterministically(json.writeValueAsBytes(value),
                    associated(incidentId, at));
            return Optional.of(TextNode.valueOf(PREFIX + key.id() + ":" + ENCODE.encodeToString(ciphertext)));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("the field " + at + " of case " + incidentId + " cannot be encrypted", e);
        }
    }

    private JsonNode decrypted(JsonNode value, IncidentId incidentId, String at) {
        String text = value.isTextual() ? value.textValue() : null;
        if (text == null || !text.startsWith(PREFIX)) {
            return value; // stored before encryption, or the neutral text
        }
        int colon = text.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("the field " + at + " of case " + incidentId + " is not a ciphertext");
        }
        Optional<DeterministicAead> key = keys.byId(text.substring(PREFIX.length(), colon));
        if (key.isEmpty()) {
            return TextNode.valueOf(PersonalData.ERASED);
        }
        try {
            byte[] plain = key.get().decryptDeterministically(DECODE.decode(text.substring(colon + 1)),
                    associated(incidentId, at));
            return json.readTree(plain);
        } catch (GeneralSecurityException | IllegalArgumentException | IOException e) {
            throw new IllegalStateException("the field " + at + " of case " + incidentId
                    + " does not decrypt: it was changed or moved", e);
        }
    }

    private static byte[] associated(IncidentId incidentId, String path) {
        return (incidentId + "\n" + path).getBytes(StandardCharsets.UTF_8);
    }
}
