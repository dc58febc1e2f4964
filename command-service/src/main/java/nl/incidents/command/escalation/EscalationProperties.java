package nl.incidents.command.escalation;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.incidents.kernel.escalation.EscalationPolicy;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Timing;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code incidents.escalation}: the board's own escalation policy and calendar, where it differs
 * from the defaults; and how often the sweep looks at the clock. (How the deadlines are polled is
 * db-scheduler's own configuration, {@code db-scheduler.*}.)
 *
 * @param timings  per severity, the times that differ from {@link EscalationPolicy#defaults()}
 * @param chain    the levels a case climbs; the default is the manager, then the board
 * @param calendar a school calendar of the board's own (YAML), instead of the bundled one
 * @param sweep    how often the sweep looks for steps whose deadline passed without firing, and
 *                 how long after its due time a step counts as missed by its deadline
 */
@ConfigurationProperties("incidents.escalation")
public record EscalationProperties(
        Map<Severity, TimingOverride> timings,
        List<EscalationLevel> chain,
        Resource calendar,
        @DefaultValue Sweep sweep) {

    public record TimingOverride(
            Duration acknowledge,
            Duration notifyCommunications,
            Duration policeDecision,
            Duration inspectorConsultation,
            Duration reminderInterval) {

        Timing over(Timing base) {
            return new Timing(
                    acknowledge != null ? acknowledge : base.acknowledge(),
                    notifyCommunications != null ? notifyCommunications : base.notifyCommunications(),
                    policeDecision != null ? policeDecision : base.policeDecision(),
                    inspectorConsultation != null ? inspectorConsultation : base.inspectorConsultation(),
                    reminderInterval != null ? reminderInterval : base.reminderInterval());
        }
    }

    public record Sweep(@DefaultValue("1m") Duration interval, @DefaultValue("1m") Duration grace) {
    }

    /** The defaults, with this configuration's changes. */
    public EscalationPolicy policy() {
        EscalationPolicy defaults = EscalationPolicy.defaults();
        Map<Severity, Timing> merged = new EnumMap<>(defaults.timings());
        if (timings != null) {
            timings.forEach((severity, override) -> merged.put(severity, override.over(merged.get(severity))));
        }
        return new EscalationPolicy(merged, chain == null || chain.isEmpty() ? defaults.chain() : chain);
    }
}
