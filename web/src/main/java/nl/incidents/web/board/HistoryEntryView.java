package nl.incidents.web.board;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * One event of a case as the query service's history gives it ({@code GET /api/incidents/{id}/history}): its type
 * (the kernel's event name, such as {@code IncidentEscalated}), when it happened (Dutch time), who sent the command
 * behind it ({@code actor}: id and role, {@code SYSTEM} for the system), why the system acted ({@code cause}, such
 * as {@code deadline: ACKNOWLEDGE due 2026-11-20T10:00:00Z}) and the event itself ({@code payload}).
 */
record HistoryEntryView(long sequenceNumber, String eventId, String type, OffsetDateTime occurredAt, Actor actor,
                        String causationId, String correlationId, String cause, JsonNode payload) {

    /** Who: a directory id and a role ({@code STAFF}, {@code MANAGER}, {@code COMMUNICATIONS}, {@code BOARD}, {@code SYSTEM}). */
    record Actor(String id, String role) {
    }
}
