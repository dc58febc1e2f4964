package nl.incidents.support;

import java.time.Duration;
import java.util.Locale;
import nl.incidents.kernel.notification.NoticeTexts;
import nl.incidents.kernel.protocol.RetentionPeriods;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code incidents.*} settings the services' shared infrastructure reads, in one place, with their
 * defaults. (Bound elsewhere, with their own records or conditions: {@code incidents.demo.enabled},
 * {@code incidents.directory}, {@code incidents.data-dir}, {@code incidents.escalation.*} and
 * {@code incidents.notifications.from}/{@code delivery}.)
 *
 * @param axon            the event processors' tables, segments, batches and threads
 * @param health          how long a health check may take, and how often it runs
 * @param http            limits on what a request may send
 * @param notifications   the links in the notices, and the language of the mails
 * @param queryServiceUrl the query service as clients reach it, an absolute URL without a trailing slash
 *                        (the command service's Location of a new report); none by default
 * @param signIn          whose access tokens the services accept, and how a token names a person
 * @param retention       how many years after a case's closure each kind of its records is kept
 */
@ConfigurationProperties("incidents")
public record IncidentsProperties(Axon axon, Health health, Http http, Notifications notifications,
                                  String queryServiceUrl, SignIn signIn, Retention retention) {

    public IncidentsProperties {
        signIn = signIn == null ? new SignIn(null, null, null, null) : signIn;
        axon = axon == null ? new Axon(null, null, null, null, null, null, null) : axon;
        health = health == null ? new Health(null, null) : health;
        http = http == null ? new Http(null) : http;
        notifications = notifications == null ? new Notifications(null, null, null) : notifications;
        retention = retention == null ? new Retention(null, null, null) : retention;
    }

    /**
     * The retention periods (bewaartermijnen): whole years after a case's closure, per kind of record, after which it
     * may be erased unless something holds it (the kernel's {@code Retention}). The README's "Retention and legal hold"
     * gives the defaults' reasons.
     *
     * @param caseYears              the case with its history; 5 by default
     * @param personnelDossierYears  a staff member's personnel dossier entries (measures, correspondence); 5 by default
     * @param pupilDossierYears      a pupil's dossier entries (measures, correspondence); 2 by default
     * @throws IllegalStateException naming the setting, when a period is not between 1 and 100 years
     */
    public record Retention(Integer caseYears, Integer personnelDossierYears, Integer pupilDossierYears) {

        public Retention {
            RetentionPeriods defaults = RetentionPeriods.defaults();
            caseYears = years(caseYears, defaults.caseYears(), "case-years");
            personnelDossierYears = years(personnelDossierYears, defaults.personnelDossierYears(),
                    "personnel-dossier-years");
            pupilDossierYears = years(pupilDossierYears, defaults.pupilDossierYears(), "pupil-dossier-years");
        }

        /** The periods, for the kernel's rule. */
        public RetentionPeriods periods() {
            return new RetentionPeriods(caseYears, personnelDossierYears, pupilDossierYears);
        }

        private static int years(Integer given, int defaultYears, String name) {
            int years = given == null ? defaultYears : given;
            if (years < RetentionPeriods.MIN_YEARS || years > RetentionPeriods.MAX_YEARS) {
                throw new IllegalStateException("The setting incidents.retention." + name + " must be a number of years"
                        + " from " + RetentionPeriods.MIN_YEARS + " to " + RetentionPeriods.MAX_YEARS + ", not " + years
                        + ".");
            }
            return years;
        }
    }

    /**
     * @param tokenTable         the table of this service's processors' tokens (each service its own); required
     * @param deadLetterTable    the table of this service's parked events (each service its own); required
     * @param segments           how many segments a processor's event stream is cut into when its tokens are
     *                           first created; 4 by default
     * @param maxClaimedSegments how many segments of a processor one instance claims at most; 0 (the default)
     *                           for all it can
     * @param pollIntervalMs     without Axon Server, how often a processor polls the event store for events
     *                           another process stored, in milliseconds; 100 by default
     * @param batchSize          how many events a processor handles at most in one transaction, with one token
     *                           update; 100 by default. A processor that is caught up handles what has arrived (often
     *                           one event) at once and never waits to fill a batch; one that is behind (a burst, a
     *                           rebuild) pays for a commit and a token write once per batch instead of once per event.
     *                           Larger batches gain little more (at 100 the commit is a small part of a batch) and
     *                           hold their rows longer and redo more when the database drops out midway; the query
     *                           service sets 1000 (its rebuild on H2 writes each changed B-tree page once per commit)
     * @param processorThreads   the worker threads of each processor, shared by its segments; 1 by default. Each busy
     *                           worker holds a pooled connection for its batch, and so does each processor's
     *                           coordinator while it claims segments, so a service with {@code p} processors needs
     *                           {@code p * (processorThreads + 1) + 1} (the event store's reader) of the pool at most,
     *                           and the rest serves HTTP (README, "Threads and connections")
     */
    public record Axon(String tokenTable, String deadLetterTable, Integer segments, Integer maxClaimedSegments,
                       Long pollIntervalMs, Integer batchSize, Integer processorThreads) {

        public Axon {
            segments = segments == null ? 4 : segments;
            maxClaimedSegments = maxClaimedSegments == null ? 0 : maxClaimedSegments;
            pollIntervalMs = pollIntervalMs == null ? 100L : pollIntervalMs;
            batchSize = batchSize == null ? 100 : batchSize;
            processorThreads = processorThreads == null ? 1 : processorThreads;
            if (batchSize < 1) {
                throw new IllegalStateException("The setting incidents.axon.batch-size must be at least 1, not " + batchSize);
            }
            if (processorThreads < 1) {
                throw new IllegalStateException("The setting incidents.axon.processor-threads must be at least 1, not "
                        + processorThreads);
            }
        }

        /** The token table's name; fails naming the setting when it is not set. */
        public String requiredTokenTable() {
            return required(tokenTable, "incidents.axon.token-table");
        }

        /** The dead-letter table's name; fails naming the setting when it is not set. */
        public String requiredDeadLetterTable() {
            return required(deadLetterTable, "incidents.axon.dead-letter-table");
        }
    }

    /**
     * @param timeout  a health check that has not answered within this duration is DOWN; 1 s by default
     * @param interval the wait between two runs of a health check; 1 s by default
     */
    public record Health(Duration timeout, Duration interval) {

        public Health {
            timeout = timeout == null ? Duration.ofSeconds(1) : timeout;
            interval = interval == null ? Duration.ofSeconds(1) : interval;
        }
    }

    /** @param maxBodySize the largest request body accepted, in bytes (units such as {@code KB} allowed); 128 KB by default */
    public record Http(DataSize maxBodySize) {

        public Http {
            maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(128) : maxBodySize;
        }
    }

    /**
     * @param linkBaseUrl where the case links in mails and inbox entries point: the web module as people reach it
     *                    (a case's link is this followed by {@code /cases/{id}}), an absolute URL; required where
     *                    notices are written
     * @param language    the language the mails go out in: the board's ({@code nl} or {@code en}; any other reads
     *                    Dutch); {@code nl} by default. The inbox shows each notice in its reader's language instead
     * @param caseCache   how many cases' progress the notices keep in memory between two events of a case, and for how
     *                    long ({@code CaseNotices})
     */
    public record Notifications(String linkBaseUrl, Locale language, CaseCache caseCache) {

        public Notifications {
            language = language == null ? NoticeTexts.DUTCH : NoticeTexts.language(language);
            caseCache = caseCache == null ? new CaseCache(null, null) : caseCache;
        }

        /** The link base URL; fails naming the setting when it is not set. */
        public String requiredLinkBaseUrl() {
            return required(linkBaseUrl, "incidents.notifications.link-base-url");
        }

        /**
         * Where each case stood after the last event the notices handled, kept so that the next event of the case folds
         * on instead of reading the case's whole stream again. It holds decrypted personal data (the people of the
         * case), so it is bounded and short-lived, like the unwrapped keys ({@code incidents.privacy.key-cache}).
         *
         * @param size   how many cases at most, the least recently used going first; 10,000 by default (0: none, every
         *               event reads its case's stream as before)
         * @param expiry how long a case's progress is kept after it was last folded; a minute by default
         */
        public record CaseCache(Integer size, Duration expiry) {

            public CaseCache {
                size = size == null ? 10_000 : size;
                expiry = expiry == null ? Duration.ofMinutes(1) : expiry;
                if (size < 0 || expiry.isNegative()) {
                    throw new IllegalStateException("The settings incidents.notifications.case-cache.size and expiry "
                            + "must not be negative, not " + size + " and " + expiry + ".");
                }
            }
        }
    }

    /**
     * The sign-in (aanmelding) by OpenID Connect: the services accept {@code Authorization: Bearer} access
     * tokens (JWT) of one provider.
     *
     * @param issuer      the provider's issuer identifier, an absolute URL exactly as the tokens' {@code iss} claim
     *                    has it ({@code INCIDENTS_OIDC_ISSUER}); required
     * @param jwkSetUri   where the provider publishes the keys it signs tokens with ({@code INCIDENTS_OIDC_JWK_SET_URI});
     *                    empty: discovered from the issuer's {@code /.well-known/openid-configuration}. Fetched at the
     *                    first token, never at start-up
     * @param audience    the value every access token's {@code aud} claim must hold ({@code INCIDENTS_OIDC_AUDIENCE});
     *                    {@code incidents-api} by default
     * @param personClaim the claim whose value identifies the person in the directory ({@code INCIDENTS_PERSON_CLAIM}:
     *                    {@code sub}, {@code oid}, {@code email}, {@code preferred_username}, ...); {@code sub} by default
     */
    public record SignIn(String issuer, String jwkSetUri, String audience, String personClaim) {

        public SignIn {
            audience = audience == null || audience.isBlank() ? "incidents-api" : audience;
            personClaim = personClaim == null || personClaim.isBlank() ? "sub" : personClaim;
        }

        /** The issuer; fails naming the setting and its environment variable when it is not set. */
        public String requiredIssuer() {
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalStateException("The setting incidents.sign-in.issuer (environment variable"
                        + " INCIDENTS_OIDC_ISSUER) is required: the issuer of the board's OpenID Connect provider,"
                        + " whose access tokens this service accepts, e.g. https://login.microsoftonline.com/<tenant id>/v2.0");
            }
            return issuer;
        }
    }

    /** The query service's URL; fails naming the setting when it is not set. */
    public String requiredQueryServiceUrl() {
        return required(queryServiceUrl, "incidents.query-service-url");
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The setting " + name + " is required");
        }
        return value;
    }
}
