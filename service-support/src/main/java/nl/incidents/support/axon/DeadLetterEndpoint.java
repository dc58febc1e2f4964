package nl.incidents.support.axon;

import java.util.Map;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.support.directory.CurrentActor;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/deadletters}: what is parked (GET), and retrying it after a fix (POST, optionally
 * {@code {"processingGroup": "...", "caseId": "..."}} to narrow it). Signed in, and only for the board:
 * parked events belong to cases, which the board may read in full.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetters deadLetters;
    private final CurrentActor actor;

    public DeadLetterEndpoint(DeadLetters deadLetters, CurrentActor actor) {
        this.deadLetters = deadLetters;
        this.actor = actor;
    }

    @ReadOperation
    public WebEndpointResponse<Object> parked() {
        if (!board()) {
            return forbidden();
        }
        return new WebEndpointResponse<>(deadLetters.list());
    }

    @WriteOperation
    public WebEndpointResponse<Object> retry(@Nullable String processingGroup, @Nullable String caseId) {
        if (!board()) {
            return forbidden();
        }
        if (processingGroup != null && !deadLetters.groupNames().contains(processingGroup)) {
            return new WebEndpointResponse<>(Map.of("title", "Invalid input", "status", 400, "field", "processingGroup",
                    "detail", "There is no processing group '" + processingGroup + "'; there are "
                            + deadLetters.groupNames() + "."), 400);
        }
        return new WebEndpointResponse<>(deadLetters.retry(processingGroup, caseId));
    }

    private boolean board() {
        Actor signedIn = actor.orNull();
        return signedIn != null && signedIn.role() == ActorRole.BOARD;
    }

    private static WebEndpointResponse<Object> forbidden() {
        return new WebEndpointResponse<>(Map.of("title", "Forbidden", "status", 403,
                "detail", "Only the board may read or retry parked events."), 403);
    }
}
