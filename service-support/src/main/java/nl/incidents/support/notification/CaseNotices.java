package nl.incidents.support.notification;

import java.util.List;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.notification.Notice;
import nl.incidents.kernel.notification.Notices;
import nl.incidents.kernel.protocol.CaseProgress;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The notices an event of a case gives, with where the case stands, folded from the case's earlier events
 * in the event store. Reading them there, rather than keeping them as the events pass, means a
 * consumer that starts late (a new processor on an old store, which skips the history) still knows
 * each case's school, manager and deadlines, and has no state of its own to keep right.
 */
public class CaseNotices {

    private final EventStore eventStore;
    private final Notices notices;

    public CaseNotices(EventStore eventStore, Notices notices) {
        this.eventStore = eventStore;
        this.notices = notices;
    }

    /**
     * @param sequenceNumber the event's place in its case's stream; the facts are those of the events
     *                       before it, so the answer is the same however often the event is handled
     */
    public List<Notice> of(IncidentEvent event, long sequenceNumber) {
        if (!Notices.mayConcernAnyone(event)) {
            return List.of();
        }
        List<IncidentEvent> earlier = eventStore.readEvents(event.incidentId().toString(), 0).asStream()
                .takeWhile(message -> message.getSequenceNumber() < sequenceNumber)
                .map(message -> message.getPayload())
                .filter(IncidentEvent.class::isInstance)
                .map(IncidentEvent.class::cast)
                .toList();
        return notices.of(event, CaseProgress.of(event.incidentId(), earlier));
    }

    /**
     * Whether a notice of this case may still reach this person, by where the case stands now
     * ({@link Notices#mayBeTold}): a mail waiting to be sent asks it, so that nothing more reaches someone who may no
     * longer know of a case that became need-to-know since.
     */
    public boolean mayStillBeTold(IncidentId incidentId, PersonId recipient) {
        return mayBeTold(recipient, progress(incidentId));
    }

    /** Where the case stands now, folded from all its events in the event store. */
    public CaseProgress progress(IncidentId incidentId) {
        List<IncidentEvent> all = eventStore.readEvents(incidentId.toString(), 0).asStream()
                .map(message -> message.getPayload())
                .filter(IncidentEvent.class::isInstance)
                .map(IncidentEvent.class::cast)
                .toList();
        return CaseProgress.of(incidentId, all);
    }

    /** Whether a notice of the case, standing so, may reach this person ({@link Notices#mayBeTold}). */
    public boolean mayBeTold(PersonId recipient, CaseProgress progress) {
        return notices.mayBeTold(recipient, progress);
    }

    /** The link to a case's page in the web module ({@code incidents.notifications.link-base-url}/cases/{id}). */
    public String link(IncidentId incidentId) {
        return notices.link(incidentId);
    }
}
