package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * Everything the case held about one person was erased (AVG art. 17). The event names the request, its ground and
 * who asked; the person reference it carries is encrypted with that person's key of the case, which is deleted with
 * this event, so it reads {@value PersonalData#ERASED} from then on, like everything else about them.
 */
@Revision("1")
public record PersonErased(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData(person = "personId") PersonId personId,
        @NotPersonalData("a reference in the board's register of requests, checked to be no name") String request,
        @NotPersonalData("an article of the AVG") ErasureGround ground,
        @NotPersonalData("a kind of requester, never a name") ErasureRequester requestedBy) implements IncidentEvent {
}
