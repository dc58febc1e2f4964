package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import nl.incidents.kernel.privacy.NotPersonalData;
import org.axonframework.serialization.Revision;

/**
 * The whole case was erased (AVG art. 17, or its retention period ended, art. 5(1)(e)): every key of the case was
 * deleted with this event, so all its personal data reads {@value nl.incidents.kernel.privacy.PersonalData#ERASED}
 * from then on. Nothing more happens in the case.
 */
@Revision("1")
public record CaseErased(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @NotPersonalData("a reference in the board's register of requests, checked to be no name") String request,
        @NotPersonalData("an article of the AVG") ErasureGround ground,
        @NotPersonalData("a kind of requester, never a name") ErasureRequester requestedBy) implements IncidentEvent {
}
