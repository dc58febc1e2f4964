package nl.incidents.query.live;

import nl.incidents.kernel.incident.Actor;

/**
 * The subscription query (abonnement) behind a live stream: "tell me what changes for this viewer". Its initial
 * answer is {@link Following}; its updates are {@link Change}s, each sent only to the viewers it concerns (see
 * {@link LiveChanges}). Through Axon Server the subscription reaches every instance of the query service, so a change
 * projected by any instance reaches a viewer connected to any other.
 *
 * @param viewer the signed-in member who follows
 */
public record FollowChanges(Actor viewer) {
}
