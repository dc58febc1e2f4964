package nl.incidents.support.notification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonErased;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.notification.Notice;
import nl.incidents.kernel.notification.Notices;
import nl.incidents.kernel.protocol.CaseProgress;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The notices an event of a case gives, with where the case stood just before it: the kernel's fold of the case's
 * earlier events.
 *
 * <p>That fold is kept in memory per case, with the sequence number of the last event folded into it, so that the next
 * event of the case (the usual way: a processor handles a case's events in order) folds on from it
 * ({@link CaseProgress#next}) instead of reading the case's whole stream again. Anything else reads the case's
 * earlier events in the event store, as before: a case not kept (new to this instance, after a restart, evicted or
 * expired), an event whose predecessor is not the one kept (a replay, an event handled again after its transaction
 * rolled back, events another instance handled in between). So the answer is the one the stream gives, and a
 * consumer that starts late (a new processor on an old store, which skips the history) still knows each case's school,
 * manager and deadlines. Because the kept fold names the sequence number it stands at, a fold kept by a transaction
 * that then rolled back is never folded on: the event comes again with the same number, finds its own number kept
 * rather than its predecessor's, and reads the stream.
 *
 * <p>The kept fold holds the case's people decrypted, so it is bounded, expires (see
 * {@code incidents.notifications.case-cache}) and is dropped when the case or a person in it is erased
 * ({@link CaseErased}, {@link PersonErased}, or {@link #forget}): what crypto-shredding erased does not live on here.
 * Nothing of it is written anywhere.
 */
public class CaseNotices {

    private final EventStore eventStore;
    private final Notices notices;
    private final Cache<IncidentId, Folded> folded;

    /** Where a case stood after its event at {@code sequence}. */
    private record Folded(long sequence, CaseProgress progress) {
    }

    /**
     * @param size   how many cases' progress to keep at most; 0 keeps none (every event reads its case's stream)
     * @param expiry how long a case's progress is kept after it was last folded
     */
    public CaseNotices(EventStore eventStore, Notices notices, int size, Duration expiry) {
        this.eventStore = eventStore;
        this.notices = notices;
        // Its upkeep (eviction, expiry) on the handler's own thread, as the keys' caches do: handed to the common pool, it
        // was a task per event that, on a busy machine, cost a replay more than the fold it saves.
        this.folded = size == 0 ? null
                : Caffeine.newBuilder().executor(Runnable::run).maximumSize(size).expireAfterWrite(expiry).build();
    }

    /**
     * The notices this event gives, at most one per person. Call it for every event of the case, in order (each
     * consumer of events does), whether or not it may concern anyone: so the case's progress folds on.
     *
     * @param sequenceNumber the event's place in its case's stream; the facts are those of the events
     *                       before it, so the answer is the same however often the event is handled
     */
    public List<Notice> of(IncidentEvent event, long sequenceNumber) {
        IncidentId incidentId = event.incidentId();
        if (event instanceof CaseErased || event instanceof PersonErased) {
            forget(incidentId);
            return List.of(); // an erasure tells nobody (Notices.mayConcernAnyone)
        }
        boolean concerns = Notices.mayConcernAnyone(event);
        CaseProgress before = kept(incidentId, sequenceNumber);
        if (before == null) {
            if (!concerns) {
                forget(incidentId); // kept for another place in the stream: of no use any more
                return List.of();
            }
            before = readBefore(incidentId, sequenceNumber);
        }
        List<Notice> told = concerns ? notices.of(event, before) : List.of();
        if (folded != null) {
            folded.put(incidentId, new Folded(sequenceNumber, before.next(event)));
        }
        return told;
    }

    /** Where the case stood before the event at this number, when kept: nothing before the first, else the fold kept. */
    private CaseProgress kept(IncidentId incidentId, long sequenceNumber) {
        if (sequenceNumber == 0) {
            return CaseProgress.of(incidentId);
        }
        Folded known = folded == null ? null : folded.getIfPresent(incidentId);
        return known != null && known.sequence() == sequenceNumber - 1 ? known.progress() : null;
    }

    private CaseProgress readBefore(IncidentId incidentId, long sequenceNumber) {
        List<IncidentEvent> earlier = eventStore.readEvents(incidentId.toString(), 0).asStream()
                .takeWhile(message -> message.getSequenceNumber() < sequenceNumber)
                .map(message -> message.getPayload())
                .filter(IncidentEvent.class::isInstance)
                .map(IncidentEvent.class::cast)
                .toList();
        return CaseProgress.of(incidentId, earlier);
    }

    /**
     * Drops what is kept of this case: its progress holds decrypted personal data, which an erasure of the case or of
     * a person in it must not leave in memory. The next event of the case reads the stream again.
     */
    public void forget(IncidentId incidentId) {
        if (folded != null) {
            folded.invalidate(incidentId);
        }
    }

    /**
     * Whether a notice of this case may still reach this person, by where the case stands now
     * ({@link Notices#mayBeTold}): a mail waiting to be sent asks it, so that nothing more reaches someone who may no
     * longer know of a case that became need-to-know since.
     */
    public boolean mayStillBeTold(IncidentId incidentId, PersonId recipient) {
        return mayBeTold(recipient, progress(incidentId));
    }

    /** Where the case stands now, folded from all its events in the event store (never from what is kept). */
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
