package nl.incidents.query.live;

/**
 * The initial answer to {@link FollowChanges}: that the subscription stands. It carries nothing else; what the viewer
 * sees now, they read from the list and the dossiers as before.
 *
 * @param viewerId the follower's directory id
 */
public record Following(String viewerId) {
}
