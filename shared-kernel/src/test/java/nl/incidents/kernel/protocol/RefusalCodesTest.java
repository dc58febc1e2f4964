package nl.incidents.kernel.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import org.junit.jupiter.api.Test;

/**
 * Every refusal carries a stable code a client can say in its person's language: a refusal cannot be made without
 * one, each rule of the protocol has its own, and a refusal by a rule names the action refused.
 */
class RefusalCodesTest {

    @Test
    void aRefusalCannotBeMadeWithoutACodeOfTheAgreedForm() {
        assertThatThrownBy(() -> RequestRefused.conflict(null, "closed")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RequestRefused.conflict("Closed", "closed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestRefused.conflict("closed", "closed")).isInstanceOf(IllegalArgumentException.class);
        RequestRefused refused = RequestRefused.invalid("measure.unfit", "measure", "DISMISSAL is not a measure for a pupil.")
                .with("measure", "DISMISSAL").with("role", "PUPIL");
        assertThat(refused.details().toException()).usingRecursiveComparison().isEqualTo(refused);
        assertThat(refused.details().parameters()).containsExactly(
                java.util.Map.entry("measure", "DISMISSAL"), java.util.Map.entry("role", "PUPIL"));
    }

    @Test
    void eachRuleOfTheProtocolHasItsOwnCode() {
        List<String> codes = Arrays.stream(CasePolicy.values()).map(CasePolicy::code).toList();
        assertThat(codes).doesNotHaveDuplicates().allMatch(code -> RequestRefused.CODE.matcher(code).matches())
                .allMatch(code -> code.startsWith("policy.")
                        // need to know refuses as the read side does a case one may not read, so as not to reveal it
                        || code.equals(NeedToKnow.REFUSAL_CODE));
    }

    @Test
    void aRuleThatRefusesGivesItsCodeAndTheActionRefused() {
        CaseProgress nothing = CaseProgress.of(IncidentId.random());
        Actor teacher = new Actor(new PersonId("teacher"), ActorRole.STAFF);
        for (CaseAction action : CaseAction.values()) {
            if (action == CaseAction.REPORT) {
                continue; // a report's rule reads the reported school: see WhoMayDoWhatTest
            }
            CasePolicies.refused(new Attempt(action, teacher, Set.of(), nothing)).ifPresent(refused -> {
                assertThat(refused.kind()).isEqualTo(RequestRefused.Kind.FORBIDDEN);
                assertThat(refused.code()).startsWith("policy.");
                assertThat(refused.parameters()).containsEntry("action", action.name());
            });
        }
        assertThat(CasePolicies.refused(Attempt.of(CaseAction.IMPOSE_HEAVY_MEASURE,
                new Actor(new PersonId("manager"), ActorRole.MANAGER), nothing)).orElseThrow().code())
                .isEqualTo("policy.manager-or-board");
    }
}
