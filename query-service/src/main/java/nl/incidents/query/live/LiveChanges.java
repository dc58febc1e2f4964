package nl.incidents.query.live;

import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.query.access.ReadableCases;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Tells the followers of {@link FollowChanges} what changed, as Axon subscription-query updates. Called from the
 * projections' event handlers; Axon's emitter sends an update only after the handler's transaction committed, so a
 * follower who reads the case or the inbox on hearing of it reads the change. Each update goes only to the followers it
 * concerns: a case's change to those who may read the case by the same rule as their case list
 * ({@link ReadableCases#mayRead}, looked up when the update is sent), an inbox's change to its owner alone.
 *
 * <p>Why subscription queries rather than a Spring event in the process: they work alike on all three profiles. On
 * the embedded default and on PostgreSQL Axon's local query bus delivers them in the process; on Axon Server the
 * subscription is registered with every instance that answers {@link FollowChanges}, so the instance that projects an
 * event (the one holding that event's segment) reaches a follower connected to any instance. A Spring event would
 * reach only the followers of the instance that happened to project it.
 */
@Component
public class LiveChanges {

    private final QueryUpdateEmitter emitter;
    private final ReadableCases readable;

    LiveChanges(QueryUpdateEmitter emitter, ReadableCases readable) {
        this.emitter = emitter;
        this.readable = readable;
    }

    /** Starts a subscription: answers that it stands; the updates follow through {@link #caseChanged}, {@link #inboxChanged}. */
    @QueryHandler
    Following handle(FollowChanges query) {
        return new Following(query.viewer().id().value());
    }

    /** The case changed in the projections: its readers hear of it once the transaction committed. */
    public void caseChanged(IncidentId id) {
        Change change = Change.caseChanged(id);
        emitter.emit(FollowChanges.class, query -> readable.mayRead(id, query.viewer()), change);
    }

    /** A notice reached the person's inbox: they hear of it once the transaction committed. */
    public void inboxChanged(PersonId person) {
        emitter.emit(FollowChanges.class, query -> query.viewer().id().equals(person), Change.inboxChanged());
    }
}
