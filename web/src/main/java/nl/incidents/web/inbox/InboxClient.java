package nl.incidents.web.inbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.RestClientException;

/**
 * The person's inbox (postvak) on the query service, asked with their token: the entries
 * ({@code GET /api/inbox}, newest first), the unread count ({@code GET /api/inbox/unread}) and marking an entry
 * read ({@code POST /api/inbox/{id}/read}).
 */
@Component
class InboxClient {

    private static final Logger log = LoggerFactory.getLogger(InboxClient.class);
    /** The most entries the inbox page lists (the query service's own most is 200). */
    static final int SHOWN = 100;

    private final RestClient queryService;

    InboxClient(RestClient queryService) {
        this.queryService = queryService;
    }

    /** The person's newest entries, newest first. */
    List<Entry> entries() {
        List<Entry> entries = queryService.get().uri("/api/inbox?limit={limit}", SHOWN).accept(MediaType.APPLICATION_JSON)
                .retrieve().body(new ParameterizedTypeReference<List<Entry>>() { });
        return entries == null ? List.of() : entries;
    }

    /** How many entries are unread; empty when the query service does not say (then the header shows none). */
    Optional<Integer> unread() {
        try {
            Count count = queryService.get().uri("/api/inbox/unread").accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(Count.class);
            return Optional.ofNullable(count).map(c -> (int) Math.min(Integer.MAX_VALUE, c.unread()));
        } catch (RestClientException | OAuth2AuthorizationException e) {
            log.debug("The unread count could not be asked: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Marks the person's entry read; the query service refuses (404) an entry that is not theirs. */
    void markRead(String entryId) {
        queryService.post().uri("/api/inbox/{id}/read", entryId).retrieve().toBodilessEntity();
    }

    /** One notice: its id, the case, its kind, the mail's subject and text, when, and whether it was read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String id, String incidentId, String kind, String subject, String text, Instant receivedAt, boolean read) {
    }

    /** The query service's unread count. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Count(long unread) {
    }
}
