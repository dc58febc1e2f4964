package nl.incidents.command.erasure;

import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.PersonErased;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.support.evidence.EvidenceStore;
import nl.incidents.support.privacy.PersonalDataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes sure every stored erasure's keys are gone, from the event store's own record of the erasures: a streaming
 * processor with a durable token, so it sees each stored erasure once it is stored, after a restart too. Deleting a
 * key that is already gone does nothing, which is the usual case: {@link ErasureKeys} deleted it as the erasure was
 * stored. It deletes keys only where that did not happen, on Axon Server when the deletion after the commit failed.
 * A person's reference reads {@value nl.incidents.kernel.privacy.PersonalData#ERASED} here when their key is already
 * gone; then there is nothing left to delete.
 */
@Component
@ProcessingGroup(ErasureKeysCheck.GROUP)
class ErasureKeysCheck {

    static final String GROUP = "erasure-keys-check";
    private static final Logger log = LoggerFactory.getLogger(ErasureKeysCheck.class);

    private final PersonalDataKeys keys;
    private final EvidenceStore evidence;

    ErasureKeysCheck(PersonalDataKeys keys, EvidenceStore evidence) {
        this.keys = keys;
        this.evidence = evidence;
    }

    @EventHandler
    void on(PersonErased event) {
        PersonId person = event.personId();
        if (!person.erased() && keys.deletePersonFromCase(event.incidentId(), person) > 0) {
            log.warn("Erasure in case {}: a person's key was still there and is deleted now", event.incidentId());
        }
    }

    @EventHandler
    void on(CaseErased event) {
        int deleted = keys.deleteCase(event.incidentId());
        if (deleted > 0) {
            log.warn("Erasure of case {}: {} keys were still there and are deleted now", event.incidentId(), deleted);
        }
        int files = evidence.deleteCase(event.incidentId());
        if (files > 0) {
            log.warn("Erasure of case {}: {} pieces of evidence were still there and are deleted now", event.incidentId(), files);
        }
    }
}
