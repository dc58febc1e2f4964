package nl.incidents.query.caselist;

import java.util.List;

/**
 * One page of a case list: its {@code items} in the list's order, and where the next page starts:
 * {@code nextPageToken}, an opaque position to pass as {@code after}, and {@code next}, the link to
 * the next page with the same filters and order. Both are absent on the last page. Positions are
 * keys, not counts, so a case reported while someone pages neither repeats nor hides a case.
 */
public record IncidentPage(List<IncidentSummary> items, String nextPageToken, String next) {

    public IncidentPage {
        items = List.copyOf(items);
    }

    /** This page with the link to its next page, made from the request's own link. */
    IncidentPage linked(java.util.function.UnaryOperator<String> linkWithToken) {
        return new IncidentPage(items, nextPageToken, nextPageToken == null ? null : linkWithToken.apply(nextPageToken));
    }
}
