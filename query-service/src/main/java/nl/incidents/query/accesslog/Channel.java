package nl.incidents.query.accesslog;

/**
 * Through what a read came: a page of the web module, or the API called directly. A read is {@link #PAGE} when its
 * access token was issued to the web module's own client ({@code client_id} or {@code azp} is
 * {@code incidents.access-log.web-client-id}), which only the web module holds (see {@link AccessRecording}).
 */
public enum Channel {
    PAGE,
    API
}
