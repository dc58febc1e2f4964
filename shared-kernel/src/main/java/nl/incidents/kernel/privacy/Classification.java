package nl.incidents.kernel.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Where the personal data of a record (an event, or a value inside one) is, read from its {@link PersonalData}
 * and {@link NotPersonalData} annotations: the one place the classification lives, walked by the event
 * serializer that encrypts it and by the tests that keep it complete.
 * <p>
 * A component is classified when it carries exactly one of the two annotations, or when it carries neither and
 * its type is a record, or a collection of records, whose own components are all classified (the walk then goes
 * into it, and a {@link PersonalData#person()} there names a component of that inner record). A record written as
 * one JSON value (an id, with a {@code @JsonValue} method) is a value like a string.
 */
public final class Classification {

    private static final ClassValue<List<Entry>> SHAPES = new ClassValue<>() {
        @Override
        protected List<Entry> computeValue(Class<?> type) {
            List<String> problems = problems(type);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the personal data of " + type.getSimpleName()
                        + " is not classified completely: " + problems);
            }
            return walk(type);
        }
    };

    private Classification() {
    }

    /**
     * One component that is, or holds, personal data.
     *
     * @param name     the component's name, which is its JSON property
     * @param person   for a {@link PersonalData} value: the component of the same record naming the person, empty for
     *                 the case's own data; null for a nested record
     * @param many     whether the component is a collection (of nested records)
     * @param children for a nested record: its own entries; empty for a value
     */
    public record Entry(String name, String person, boolean many, List<Entry> children) {

        public Entry {
            Objects.requireNonNull(name, "name");
            children = List.copyOf(children);
        }

        /** Whether this is a personal-data value (rather than a record holding some). */
        public boolean value() {
            return person != null;
        }

        /** Whether the value is the case's own data (rather than a person's). */
        public boolean ofTheCase() {
            return person != null && person.isEmpty();
        }
    }

    /**
     * The components of a record that are personal data or hold some, in declaration order; nested records
     * without personal data are left out.
     *
     * @throws IllegalStateException when a component is not classified (see {@link #problems(Class)})
     */
    public static List<Entry> of(Class<?> recordType) {
        return SHAPES.get(recordType);
    }

    /**
     * What is wrong with the classification of a record, as readable lines naming the component ({@code
     * Record.component}); empty when every component, nested ones included, is classified.
     */
    public static List<String> problems(Class<?> recordType) {
        List<String> problems = new ArrayList<>();
        collectProblems(recordType, recordType.getSimpleName(), problems);
        return problems;
    }

    private static void collectProblems(Class<?> type, String path, List<String> problems) {
        if (!type.isRecord()) {
            problems.add(path + " is not a record");
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String at = path + "." + component.getName();
            PersonalData personal = component.getAnnotation(PersonalData.class);
            NotPersonalData not = component.getAnnotation(NotPersonalData.class);
            Class<?> nested = nestedRecord(component);
            if (personal != null && not != null) {
                problems.add(at + " is marked both personal data and not");
            } else if (personal != null) {
                if (nested != null) {
                    problems.add(at + " holds records: classify their components instead");
                } else if (!personal.person().isEmpty() && !hasComponent(type, personal.person())) {
                    problems.add(at + " names the person by '" + personal.person() + "', which " + type.getSimpleName()
                            + " does not have");
                }
            } else if (not == null) {
                if (nested == null) {
                    problems.add(at + " is not classified: mark it @PersonalData or @NotPersonalData");
                } else {
                    collectProblems(nested, at, problems);
                }
            }
        }
    }

    private static List<Entry> walk(Class<?> type) {
        List<Entry> entries = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            PersonalData personal = component.getAnnotation(PersonalData.class);
            if (personal != null) {
                entries.add(new Entry(component.getName(), personal.person(), false, List.of()));
            } else if (component.getAnnotation(NotPersonalData.class) == null) {
                List<Entry> inner = walk(nestedRecord(component));
                if (!inner.isEmpty()) {
                    entries.add(new Entry(component.getName(), null,
                            Collection.class.isAssignableFrom(component.getType()), inner));
                }
            }
        }
        return entries;
    }

    private static boolean hasComponent(Class<?> type, String name) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The record type a component holds, itself or as the elements of a collection; null for anything else. A
     * record written as one JSON value (with a {@link JsonValue} method, such as an id) is a value, not nested.
     */
    private static Class<?> nestedRecord(RecordComponent component) {
        if (nests(component.getType())) {
            return component.getType();
        }
        if (Collection.class.isAssignableFrom(component.getType())
                && component.getGenericType() instanceof ParameterizedType generic) {
            Type element = generic.getActualTypeArguments()[0];
            if (element instanceof Class<?> elementClass && nests(elementClass)) {
                return elementClass;
            }
        }
        return null;
    }

    private static boolean nests(Class<?> type) {
        return type.isRecord() && Arrays.stream(type.getMethods()).noneMatch(m -> m.isAnnotationPresent(JsonValue.class));
    }
}
