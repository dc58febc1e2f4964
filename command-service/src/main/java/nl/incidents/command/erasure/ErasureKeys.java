package nl.incidents.command.erasure;

import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonErased;
import nl.incidents.support.evidence.EvidenceStore;
import nl.incidents.support.notification.CaseNotices;
import nl.incidents.support.privacy.PersonalDataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deletes the keys an erasure names (crypto-shredding, AVG art. 17), and with a whole case its evidence, in the unit of work that stores the erasure: a
 * subscribing processor whose failure refuses the erasure ({@link ErasureConfiguration}). Not replayed: a key deleted
 * is gone.
 * <ul>
 *   <li>On the JDBC stores (the embedded default, PostgreSQL) the keys go in the same database transaction as the
 *       event, after the event itself was encrypted (the event store writes before it publishes): both or neither.</li>
 *   <li>On Axon Server the event is appended to the server when the unit of work commits, after the database
 *       transaction: the keys go once the event is committed there, so no key is ever deleted for an erasure that
 *       was not stored. Should that deletion fail, {@link ErasureKeysCheck} deletes them from the stored event.</li>
 * </ul>
 */
@Component
@ProcessingGroup(ErasureConfiguration.GROUP)
class ErasureKeys {

    private static final Logger log = LoggerFactory.getLogger(ErasureKeys.class);

    private final PersonalDataKeys keys;
    private final EvidenceStore evidence;
    private final CaseNotices notices;
    private final boolean axonServer;

    ErasureKeys(PersonalDataKeys keys, EvidenceStore evidence, CaseNotices notices,
                @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        this.keys = keys;
        this.evidence = evidence;
        this.notices = notices;
        this.axonServer = axonServer;
    }

    @EventHandler
    void on(PersonErased event) {
        once(() -> log.info("Erasure in case {}: {} key of a person deleted", event.incidentId(),
                keys.deletePersonFromCase(event.incidentId(), event.personId())));
        forgetProgress(event.incidentId());
    }

    /** The case's evidence goes with its keys: unreadable once the key is gone, and then gone itself. */
    @EventHandler
    void on(CaseErased event) {
        once(() -> log.info("Erasure of case {}: {} keys and {} pieces of evidence deleted", event.incidentId(),
                keys.deleteCase(event.incidentId()), evidence.deleteCase(event.incidentId())));
        forgetProgress(event.incidentId());
    }

    /**
     * The mails' processor keeps the case's progress, its people decrypted ({@link CaseNotices}), until it reaches the
     * erasure itself: dropped now, and again once the erasure committed (a fold put in between is dropped too).
     */
    private void forgetProgress(IncidentId incidentId) {
        notices.forget(incidentId);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> notices.forget(incidentId));
        }
    }

    private void once(Runnable deletion) {
        if (axonServer && CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> deletion.run());
        } else {
            deletion.run();
        }
    }
}
