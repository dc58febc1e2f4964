package nl.incidents.query.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import nl.incidents.query.Queries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in member's inbox. Read only: the query side takes no writes from users, so there is no "mark as read". */
@RestController
class InboxController {

    private final Queries queries;

    InboxController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/inbox")
    @Operation(summary = "The signed-in member's inbox, newest first",
            description = "Every escalation, reminder and notification of a case that concerns the signed-in member, "
                    + "with the subject and text of its mail: the case, its school, the step and its due time, and a "
                    + "link to the dossier; never who is involved or what happened. Listed whether or not mails are "
                    + "sent. 400 with field 'limit' for a limit outside 1.." + FindInbox.MAX_LIMIT + ".")
    List<InboxEntry> inbox(@Parameter(description = "How many entries, newest first: 1 to " + FindInbox.MAX_LIMIT)
                           @RequestParam(defaultValue = "" + FindInbox.DEFAULT_LIMIT) int limit) {
        return queries.one(new FindInbox(queries.viewer(), limit), Inbox.class).entries();
    }
}
