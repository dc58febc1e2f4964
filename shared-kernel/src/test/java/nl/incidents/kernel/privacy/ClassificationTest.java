package nl.incidents.kernel.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.privacy.Classification.Entry;
import org.junit.jupiter.api.Test;

/**
 * Every component of every event, nested records included, says whether it is personal data and whose: a new
 * event or a new field without that fails here, before it can reach a store unencrypted.
 */
class ClassificationTest {

    private static final List<Class<?>> EVENTS = List.of(IncidentEvent.class.getPermittedSubclasses());

    @Test
    void everyComponentOfEveryEventIsClassified() {
        assertThat(EVENTS).hasSizeGreaterThanOrEqualTo(15);
        List<String> problems = new ArrayList<>();
        EVENTS.forEach(event -> problems.addAll(Classification.problems(event)));
        assertThat(problems).as("components of events without a classification").isEmpty();
    }

    @Test
    void personalDataIsTextOrAPersonReference() {
        List<String> others = new ArrayList<>();
        EVENTS.forEach(event -> collectTypes(event, event.getSimpleName(), others));
        assertThat(others).as("personal data of a type without a neutral value to read once erased").isEmpty();
    }

    @Test
    void theReportsFreeTextIsTheCasesAndEachPersonReferenceItsPersons() {
        assertThat(Classification.of(DerailingDiscussionReported.class))
                .extracting(Entry::name, Entry::person)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("location", ""),
                        org.assertj.core.groups.Tuple.tuple("summary", ""),
                        org.assertj.core.groups.Tuple.tuple("involvedParties", null),
                        org.assertj.core.groups.Tuple.tuple("reportedBy", "reportedBy"));
        Entry parties = Classification.of(DerailingDiscussionReported.class).get(2);
        assertThat(parties.many()).isTrue();
        assertThat(parties.children()).extracting(Entry::name, Entry::person)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("personId", "personId"));
        assertThat(Classification.of(MeasureImposed.class)).extracting(Entry::name, Entry::person)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("personId", "personId"),
                        org.assertj.core.groups.Tuple.tuple("reason", "personId"));
    }

    record Unmarked(@NotPersonalData("an id") String id, String note) {
    }

    record NamesNobody(@PersonalData(person = "who") String note) {
    }

    record Both(@PersonalData @NotPersonalData("no") String note) {
    }

    record Inner(String text) {
    }

    record Outer(@NotPersonalData("an id") String id, List<Inner> inners) {
    }

    @Test
    void anUnclassifiedComponentIsNamedAlsoInsideANestedRecord() {
        assertThat(Classification.problems(Unmarked.class)).singleElement().asString()
                .contains("Unmarked.note is not classified");
        assertThat(Classification.problems(Outer.class)).singleElement().asString()
                .contains("Outer.inners.text is not classified");
        assertThat(Classification.problems(NamesNobody.class)).singleElement().asString()
                .contains("'who'");
        assertThat(Classification.problems(Both.class)).singleElement().asString().contains("both");
        assertThatThrownBy(() -> Classification.of(Unmarked.class)).hasMessageContaining("Unmarked.note");
    }

    @Test
    void anErasedPersonReferenceIsNoIdAnyoneCanHave() {
        assertThat(PersonId.ERASED.value()).isEqualTo("[verwijderd]");
        assertThat(PersonId.ERASED.erased()).isTrue();
        assertThat(PersonId.isValid(PersonalData.ERASED)).isFalse();
        assertThat(PersonId.of("[verwijderd]")).isEqualTo(PersonId.ERASED);
    }

    private static void collectTypes(Class<?> type, String path, List<String> others) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getAnnotation(PersonalData.class) != null
                    && component.getType() != String.class && component.getType() != PersonId.class) {
                others.add(path + "." + component.getName() + " (" + component.getType().getSimpleName() + ")");
            }
            if (component.getType().isRecord() && component.getType() != PersonId.class
                    && component.getType() != nl.incidents.kernel.incident.IncidentId.class) {
                collectTypes(component.getType(), path + "." + component.getName(), others);
            } else if (component.getGenericType() instanceof java.lang.reflect.ParameterizedType generic
                    && generic.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                collectTypes(element, path + "." + component.getName(), others);
            }
        }
    }
}
