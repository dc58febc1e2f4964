package nl.incidents.query.live;

import nl.incidents.kernel.incident.IncidentId;

/**
 * One change a follower hears of, as the server-sent event it becomes: {@code case-changed} with the case's id (a case
 * the follower may read was reported, or took a step, or its timing changed) or {@code inbox-changed} with the data {@code inbox} (a
 * notice reached the follower's inbox; a browser drops an event without data). It names no person and says nothing of the case but its id; the follower
 * reads the rest as they may.
 *
 * @param event the event's name: {@value #CASE_CHANGED} or {@value #INBOX_CHANGED}
 * @param data  the case's id for {@code case-changed}; {@code inbox} for {@code inbox-changed}
 */
public record Change(String event, String data) {

    public static final String CASE_CHANGED = "case-changed";
    public static final String INBOX_CHANGED = "inbox-changed";

    public static Change caseChanged(IncidentId id) {
        return new Change(CASE_CHANGED, id.toString());
    }

    public static Change inboxChanged() {
        return new Change(INBOX_CHANGED, "inbox");
    }
}
