package nl.incidents.command.erasure;

import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.PersonErased;
import nl.incidents.support.privacy.PersonalDataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes the keys an erasure names (crypto-shredding, AVG art. 17), in the unit of work that stores the erasure:
 * a subscribing processor, so the keys go in the same database transaction as the event on the JDBC stores, after
 * the event itself was encrypted (the event store writes before it publishes), and a failure here refuses the
 * erasure rather than leaving it half done ({@link ErasureConfiguration}). Not replayed: a key deleted is gone.
 */
@Component
@ProcessingGroup(ErasureConfiguration.GROUP)
class ErasureKeys {

    private static final Logger log = LoggerFactory.getLogger(ErasureKeys.class);

    private final PersonalDataKeys keys;

    ErasureKeys(PersonalDataKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(PersonErased event) {
        int deleted = keys.deletePersonFromCase(event.incidentId(), event.personId());
        log.info("Erasure in case {}: {} key of a person deleted", event.incidentId(), deleted);
    }

    @EventHandler
    void on(CaseErased event) {
        int deleted = keys.deleteCase(event.incidentId());
        log.info("Erasure of case {}: {} keys deleted", event.incidentId(), deleted);
    }
}
