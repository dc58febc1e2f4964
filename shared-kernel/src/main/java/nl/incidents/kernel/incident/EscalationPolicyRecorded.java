package nl.incidents.kernel.incident;

import java.util.List;
import nl.incidents.kernel.privacy.NotPersonalData;
import org.axonframework.serialization.Revision;

/**
 * The escalation policy in force when the case was reported, as it applies to this case: the
 * time each step may take, how that time is counted (the school's region and clock), the levels
 * the case climbs, and whether the legal duty to consult the confidential inspector applies.
 * Later changes of the policy never change these terms.
 */
@Revision("1")
public record EscalationPolicyRecorded(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @NotPersonalData("the protocol's own words") Timing timing,
        @NotPersonalData("the protocol's own words") ClockMode clock,
        @NotPersonalData("the protocol's own words") Region region,
        @NotPersonalData("the protocol's own words") List<EscalationLevel> chain,
        @NotPersonalData("the protocol's own words") boolean legalDuty) implements IncidentEvent {

    public EscalationPolicyRecorded {
        chain = List.copyOf(chain);
    }

    /** The level above this one in the case's chain, or null at the top. */
    public EscalationLevel above(EscalationLevel level) {
        int at = chain.indexOf(level);
        return at >= 0 && at + 1 < chain.size() ? chain.get(at + 1) : null;
    }

    public EscalationLevel first() {
        return chain.get(0);
    }
}
