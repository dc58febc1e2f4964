package nl.incidents.web.inbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.incidents.kernel.notification.NoticeFacts;
import nl.incidents.kernel.notification.NoticeTexts;
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

    /**
     * One notice: its id, the case, its kind, its English subject and text, when, whether it was read, and its facts
     * (absent for a notice listed before the query service kept them), from which it is written in the reader's
     * language.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String id, String incidentId, String kind, String subject, String text, Instant receivedAt, boolean read,
                 NoticeFacts facts) {

        /** The subject in the reader's language; the stored one for a notice without facts. */
        public String subjectIn(Locale locale) {
            return facts == null ? subject : NoticeTexts.subject(facts, locale);
        }

        /**
         * The text in the reader's language, as the mail has it, with the link to the case's page; the stored text for a
         * notice without facts.
         *
         * @param caseLink the case's page in this module, as the person reaches it
         */
        public String textIn(Locale locale, String caseLink) {
            return facts == null ? text : NoticeTexts.mailText(facts, locale, caseLink);
        }
    }

    /** The query service's unread count. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Count(long unread) {
    }
}
