package nl.incidents.query.accesslog;

import java.util.List;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.PersonId;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers from the access log. The board reads it per case and per person (the protocol gives the board the case's
 * full history, and the AVG makes the controller, the board, answerable for who read what: art. 5(2) and 32);
 * a board member involved in a case does not read its log, nor see that case in another person's log, as they do not
 * read the case ({@code CaseAccess.aPersonInvolvedReadsOnlyWhatTheyReported}). Everyone reads what was read about
 * themselves, by the readers' roles (see {@link OwnAccessLogEntry}).
 */
@Component
class AccessLogQueries {

    private final AccessLog log;

    AccessLogQueries(AccessLog log) {
        this.log = log;
    }

    @QueryHandler
    AccessLogPage handle(FindCaseAccessLog query) {
        requireBoard(query.viewer());
        if (log.involved(query.incidentId(), query.viewer().id())) {
            throw boardOnly();
        }
        return page(log.ofCase(query.incidentId(), query.paging()), query.paging());
    }

    @QueryHandler
    AccessLogPage handle(FindPersonAccessLog query) {
        requireBoard(query.viewer());
        boolean themselves = query.viewer().id().equals(query.personId());
        return page(log.about(query.personId(), themselves ? null : query.viewer().id(), null, query.paging()), query.paging());
    }

    @QueryHandler
    OwnAccessLogPage handle(FindOwnAccessLog query) {
        Actor viewer = query.viewer();
        // Reads of a need-to-know case they were not added to stay the board's while it is need-to-know: telling a
        // suspect that a case about them is read would tell them of an investigation (AVG art. 23(1)(d), UAVG art. 41).
        PersonId withhold = viewer.role() == ActorRole.BOARD ? null : viewer.id();
        List<AccessLogEntry> found = log.about(viewer.id(), null, withhold, query.paging());
        AccessLogPage page = page(found, query.paging());
        return new OwnAccessLogPage(page.entries().stream()
                .map(e -> new OwnAccessLogEntry(e.at(), e.reader().role(), e.reader().id().equals(viewer.id()), e.kind(),
                        e.incidentId(), e.personId(), e.channel(), e.refused()))
                .toList(), page.next());
    }

    private static void requireBoard(Actor viewer) {
        if (viewer.role() != ActorRole.BOARD) {
            throw boardOnly();
        }
    }

    private static RequestRefused boardOnly() {
        return RequestRefused.forbidden("access-log.board-only",
                "Only the board reads the access log, and not of a case that involves them.");
    }

    /** The page's entries, and the next page's {@code before} when one more entry than the limit was found. */
    private static AccessLogPage page(List<AccessLogEntry> found, Paging paging) {
        if (found.size() <= paging.limit()) {
            return new AccessLogPage(found, null);
        }
        List<AccessLogEntry> entries = found.subList(0, paging.limit());
        return new AccessLogPage(entries, entries.get(entries.size() - 1).id());
    }
}
