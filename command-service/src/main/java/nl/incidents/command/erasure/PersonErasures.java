package nl.incidents.command.erasure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.ErasePersonFromCase;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import nl.incidents.kernel.privacy.ErasureRequests;
import nl.incidents.kernel.protocol.CaseAction;
import nl.incidents.kernel.protocol.CasePolicy;
import nl.incidents.support.privacy.PersonalDataKeys;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The erasure of everything recorded about one person (AVG art. 17): one {@link ErasePersonFromCase} per case that
 * holds a key of theirs, that is, any personal data about them (as a party, the subject of a measure or
 * correspondence, the reporter). Each case decides for itself: a case held for a legal claim or an investigation
 * (art. 17(3)(e)) keeps the data and says why; the others erase it, each recording the erasure in its history.
 * Permission first: only the board, before anything is looked up.
 */
@Component
public class PersonErasures {

    /** The reason of a case whose erasure failed for now (no refusal): ask again. */
    static final String UNAVAILABLE = "unavailable";
    private static final Logger log = LoggerFactory.getLogger(PersonErasures.class);

    private final IncidentCommands commands;
    private final PersonalDataKeys keys;

    PersonErasures(IncidentCommands commands, PersonalDataKeys keys) {
        this.commands = commands;
        this.keys = keys;
    }

    /**
     * What a person's erasure did.
     *
     * @param erasedFrom the cases whose data about the person was erased
     * @param keptIn     the cases that keep it: held for a legal claim or an investigation (AVG art. 17(3)(e)), with
     *                   the codes of their holds ({@code legal-hold}, {@code police-report},
     *                   {@code inspector-consultation}), or refused for another reason, with its refusal code (such as
     *                   {@code policy.involved} where the board member is involved in the case), or
     *                   {@value #UNAVAILABLE} where it failed for now and may be asked again; the board tells the
     *                   requester why
     */
    public record Result(List<String> erasedFrom, List<Kept> keptIn) {
    }

    /** A case that keeps a person's data, and why. */
    public record Kept(String incidentId, List<String> reasons) {
    }

    /**
     * Erases the person from every case that holds data about them.
     *
     * @throws RequestRefused forbidden ({@code policy.board-erases}) for anyone but the board; invalid
     *                        ({@code person.id}) for a malformed id, ({@code erasure.request}) for a reference that is no
     *                        register number; not found ({@code erasure.nothing}) when no case
     *                        holds anything about them (any more); the first case's refusal (such as
     *                        {@code state.held}, 409) when no case could erase it, which then leaves no trace
     */
    public Result erase(String personId, String request, ErasureGround ground, ErasureRequester requestedBy,
                        Actor actor) {
        if (actor.role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden(CasePolicy.ONLY_THE_BOARD_ERASES.code(),
                    CasePolicy.ONLY_THE_BOARD_ERASES.refusal(CaseAction.ERASE_PERSON));
        }
        if (!PersonId.isValid(personId)) {
            throw RequestRefused.invalid("person.id", "personId", "This is not a person id: 1 to 100 letters, digits "
                    + "and . _ @ -, starting with a letter or digit.");
        }
        ErasureRequests.checkReference(request); // once, before any case is looked at
        PersonId person = new PersonId(personId);
        List<IncidentId> cases = keys.casesOf(person);
        if (cases.isEmpty()) {
            throw RequestRefused.notFound("erasure.nothing", "Nothing is recorded about this person in any case (any "
                    + "more): there is nothing to erase.");
        }
        List<String> erased = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        RequestRefused first = null;
        for (IncidentId incident : cases) {
            try {
                commands.send(new ErasePersonFromCase(incident, person, request, ground, requestedBy), actor);
                erased.add(incident.toString());
            } catch (CommandExecutionException e) {
                Optional<Object> details = e.getDetails();
                Optional<RequestRefused> refusal = details.filter(RequestRefused.Details.class::isInstance)
                        .map(d -> ((RequestRefused.Details) d).toException());
                if (refusal.isEmpty()) {
                    kept.add(unavailable(incident, e));
                    continue;
                }
                RequestRefused refused = refusal.get();
                first = first == null ? refused : first;
                kept.add(new Kept(incident.toString(), "state.held".equals(refused.code())
                        ? List.of(refused.parameters().get("holds").split(",")) : List.of(refused.code())));
            } catch (RuntimeException e) {
                kept.add(unavailable(incident, e));
            }
        }
        if (erased.isEmpty() && first != null && kept.stream().allMatch(k -> !k.reasons().contains(UNAVAILABLE))) {
            throw first; // nothing was erased: the refusal, and no trace
        }
        return new Result(erased, kept);
    }

    /**
     * A case whose erasure failed for a reason that is no refusal (the store away): kept for now, with the reason
     * {@value #UNAVAILABLE}; the erasures made stand, each recorded, and asking again erases what is left.
     */
    private static Kept unavailable(IncidentId incident, RuntimeException e) {
        log.warn("Erasure of a person in case {} failed and may be asked again: {}", incident, e.getClass().getSimpleName());
        return new Kept(incident.toString(), List.of(UNAVAILABLE));
    }
}
