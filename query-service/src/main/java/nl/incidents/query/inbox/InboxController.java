package nl.incidents.query.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import nl.incidents.query.Queries;
import nl.incidents.support.web.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in member's inbox (postvak): their notices, how many are unread, and marking one read. Marking read
 * is the one write the query side takes from a person: it concerns only their own inbox, never a case.
 */
@RestController
class InboxController {

    private final Queries queries;
    private final InboxReadMarks readMarks;

    InboxController(Queries queries, InboxReadMarks readMarks) {
        this.queries = queries;
        this.readMarks = readMarks;
    }

    @GetMapping("/api/inbox")
    @Operation(summary = "The signed-in member's inbox, newest first",
            description = "Every escalation, reminder and notification of a case that concerns the signed-in member, "
                    + "with the subject and text of its mail: the case, its school, the step and its due time, and a "
                    + "link to the case's page; never who is involved or what happened. Listed whether or not mails are "
                    + "sent. Each entry has an id (to mark it read) and says whether it was read. 400 with field "
                    + "'limit' for a limit outside 1.." + FindInbox.MAX_LIMIT + ".")
    List<InboxEntry> inbox(@Parameter(description = "How many entries, newest first: 1 to " + FindInbox.MAX_LIMIT)
                           @RequestParam(defaultValue = "" + FindInbox.DEFAULT_LIMIT) int limit) {
        return queries.one(new FindInbox(queries.viewer(), limit), Inbox.class).entries();
    }

    @GetMapping("/api/inbox/unread")
    @Operation(summary = "How many of the signed-in member's inbox entries are unread",
            description = "{\"unread\": n}, for the pages' header; one count, not the entries.")
    UnreadCount unread() {
        return queries.one(new FindUnreadCount(queries.viewer()), UnreadCount.class);
    }

    @PostMapping("/api/inbox/{entryId}/read")
    @Operation(summary = "Mark one of the signed-in member's inbox entries read",
            description = "204; marking it again changes nothing. 404 when the member's inbox has no such entry.")
    @ProblemAnswers({HttpStatus.NOT_FOUND})
    ResponseEntity<Void> markRead(@PathVariable String entryId) {
        readMarks.markRead(queries.viewer(), entryId);
        return ResponseEntity.noContent().build();
    }
}
