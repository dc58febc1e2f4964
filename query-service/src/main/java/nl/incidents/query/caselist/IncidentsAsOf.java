package nl.incidents.query.caselist;

import java.time.Instant;
import java.util.List;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.Stage;

/**
 * A page of the case list as it stood at a moment, and what changed since.
 *
 * @param asOf          the moment asked about
 * @param items         the cases reported up to then, newest first, each as it stood then and now
 * @param reportedSince the cases reported after the moment that the same filters let through
 * @param nextPageToken where the next page starts (pass it as {@code after}); absent on the last page
 * @param next          the link to the next page with the same moment and filters; absent on the last page
 */
public record IncidentsAsOf(Instant asOf, List<CaseThen> items, ReportedSince reportedSince, String nextPageToken,
                            String next) {

    /** The most ids {@link ReportedSince} lists; its {@code count} counts them all. */
    public static final int REPORTED_SINCE_LIMIT = 200;

    public IncidentsAsOf {
        items = List.copyOf(items);
    }

    /**
     * One case then and now.
     *
     * @param then         its line as the board's case list would have shown it at the moment ({@link IncidentSummary};
     *                     {@code overdueSince} as of then)
     * @param statusNow    where it stands now
     * @param stageNow     the stage of its discussion now
     * @param assigneeNow  who holds it now
     * @param changedSince whether its status, stage or holder differs now from then
     */
    public record CaseThen(IncidentSummary then, IncidentStatus statusNow, Stage stageNow, Assignee assigneeNow,
                           boolean changedSince) {
    }

    /**
     * The cases reported after the moment: how many, and their ids, newest first (at most
     * {@value #REPORTED_SINCE_LIMIT}).
     */
    public record ReportedSince(long count, List<IncidentId> incidentIds) {

        public ReportedSince {
            incidentIds = List.copyOf(incidentIds);
        }
    }

    /** This page with the link to its next page, made from the request's own link. */
    IncidentsAsOf linked(java.util.function.UnaryOperator<String> linkWithToken) {
        return new IncidentsAsOf(asOf, items, reportedSince, nextPageToken,
                nextPageToken == null ? null : linkWithToken.apply(nextPageToken));
    }
}
