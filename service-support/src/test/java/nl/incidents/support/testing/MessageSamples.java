package nl.incidents.support.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sample values of any message type, made by reflection from its declaration, for round trips through a
 * serializer: a record from samples of its components, a collection with one sample element, a sealed
 * interface as one sample of each type it permits. A type it cannot make fails with its name, so that a new
 * kind of component is noticed rather than skipped.
 */
public final class MessageSamples {

    private MessageSamples() {
    }

    /** One sample of the type; for a sealed interface, one per permitted record. */
    public static List<Object> of(Type type) {
        if (type instanceof Class<?> c && c.isSealed() && c.isInterface()) {
            List<Object> samples = new ArrayList<>();
            for (Class<?> permitted : c.getPermittedSubclasses()) {
                samples.addAll(of(permitted));
            }
            return samples;
        }
        return List.of(one(type));
    }

    /** One sample of the type. */
    public static Object one(Type type) {
        if (type instanceof ParameterizedType p) {
            return parameterized((Class<?>) p.getRawType(), p.getActualTypeArguments());
        }
        if (type instanceof WildcardType w) {
            return one(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return one(v.getBounds()[0]);
        }
        if (type instanceof GenericArrayType a) {
            Object element = one(a.getGenericComponentType());
            Object array = Array.newInstance(element.getClass(), 1);
            Array.set(array, 0, element);
            return array;
        }
        return plain((Class<?>) type);
    }

    private static Object parameterized(Class<?> raw, Type[] arguments) {
        if (Map.class.isAssignableFrom(raw)) {
            Map<Object, Object> map = new LinkedHashMap<>();
            map.put(one(arguments[0]), one(arguments[1]));
            return map;
        }
        if (Set.class.isAssignableFrom(raw)) {
            return new LinkedHashSet<>(List.of(one(arguments[0])));
        }
        if (Collection.class.isAssignableFrom(raw) || Iterable.class.equals(raw)) {
            // What the query bus makes of any collection it answers with.
            return new ArrayList<>(List.of(one(arguments[0])));
        }
        if (Optional.class.equals(raw)) {
            return Optional.of(one(arguments[0]));
        }
        return plain(raw);
    }

    private static Object plain(Class<?> c) {
        if (c == boolean.class || c == Boolean.class) {
            return true;
        }
        if (c == int.class || c == Integer.class) {
            return 1;
        }
        if (c == byte.class || c == Byte.class) {
            return (byte) 7;
        }
        if (c == long.class || c == Long.class) {
            return 1L;
        }
        if (c == double.class || c == Double.class) {
            return 1.5;
        }
        if (c == String.class || c == Object.class || c == CharSequence.class) {
            return "sample";
        }
        if (c == UUID.class) {
            return UUID.fromString("7b1e7a52-5f0e-4d53-9a43-0d4c1c3e2a10");
        }
        if (c == Instant.class) {
            return Instant.parse("2026-03-02T09:15:30.123456Z");
        }
        if (c == Duration.class) {
            return Duration.ofMinutes(90);
        }
        if (c == LocalDate.class) {
            return LocalDate.of(2026, 3, 2);
        }
        if (c == java.math.BigDecimal.class) {
            return new java.math.BigDecimal("12.5");
        }
        if (c == LocalTime.class) {
            return LocalTime.of(8, 30);
        }
        if (JsonNode.class.isAssignableFrom(c)) {
            return JsonNodeFactory.instance.objectNode().put("field", "value");
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        if (c.isRecord()) {
            return record(c);
        }
        if (c.isSealed() && c.isInterface()) {
            return of(c).get(0);
        }
        if (c.isArray()) {
            Object array = Array.newInstance(c.getComponentType(), 1);
            Array.set(array, 0, one(c.getComponentType()));
            return array;
        }
        if (List.class.isAssignableFrom(c) || Set.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException("No sample of a raw " + c.getName() + ": declare its element type");
        }
        throw new IllegalArgumentException("No sample of " + c.getName() + ": teach MessageSamples this type");
    }

    private static Object record(Class<?> c) {
        RecordComponent[] components = c.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = one(components[i].getGenericType());
        }
        try {
            Constructor<?> constructor = c.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("The sample of " + c.getName() + " was refused: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
