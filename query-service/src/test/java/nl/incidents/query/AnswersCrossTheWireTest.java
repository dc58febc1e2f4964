package nl.incidents.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.json.IncidentsJson;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.notification.Notice;
import nl.incidents.kernel.notification.NoticeFacts;
import nl.incidents.query.caselist.IncidentPage;
import nl.incidents.query.caselist.IncidentSummary;
import nl.incidents.query.inbox.Inbox;
import nl.incidents.query.inbox.InboxEntry;
import nl.incidents.query.inbox.UnreadCount;
import nl.incidents.query.incidentdossier.History;
import nl.incidents.query.incidentdossier.HistoryEntry;
import nl.incidents.query.persondossier.PersonDossier;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Every answer of the query service is one record that comes back whole from Axon's serializer, as
 * an answer routed by Axon Server does; a bare list would come back as maps.
 */
class AnswersCrossTheWireTest {

    private static final Serializer WIRE = JacksonSerializer.builder().objectMapper(IncidentsJson.messageMapper()).build();
    private static final Instant AT = Instant.parse("2026-11-29T20:13:40.123Z");
    private final IncidentId id = IncidentId.random();

    @Test
    void aPageOfTheCaseList() {
        IncidentPage page = new IncidentPage(List.of(new IncidentSummary(id, "school-1", IncidentStatus.ESCALATED, Severity.HIGH,
                Stage.DERAILED, Platform.TIKTOK, Assignee.manager(new PersonId("manager")), AT, null,
                new IncidentSummary.Due(Step.ACKNOWLEDGE, AT), AT, 1)), "token", null);
        assertThat(across(page)).isEqualTo(page);
    }

    @Test
    void aHistoryWithItsPayloads() throws Exception {
        History history = new History(id, List.of(new HistoryEntry(0, "event-1", "IncidentEscalated", AT, Actor.SYSTEM, "c",
                "r", "report", IncidentsJson.messageMapper().readTree("{\"incidentId\":\"" + id + "\",\"reason\":\"x\"}"))));
        assertThat(across(history)).isEqualTo(history);
        assertThat(across(history).entries().get(0)).isInstanceOf(HistoryEntry.class);
    }

    @Test
    void anInboxAndAPersonDossier() {
        Inbox inbox = new Inbox(List.of(new InboxEntry("event-1", id, Notice.Kind.ESCALATION, "subject", "text", AT, true,
                        new NoticeFacts(Notice.Kind.ESCALATION, id, "school-1", "OBS De Esch", EscalationLevel.BOARD,
                                Step.ACKNOWLEDGE, AT, AT.minusSeconds(60), 0, true, false)),
                new InboxEntry("event-0", id, Notice.Kind.REMINDER, "an old notice", "its text", AT, false, null)));
        assertThat(across(inbox)).isEqualTo(inbox);
        assertThat(across(new UnreadCount(3))).isEqualTo(new UnreadCount(3));
        PersonDossier dossier = new PersonDossier(new PersonId("pupil-1"), PersonDossier.Kind.PUPIL, List.of(
                new PersonDossier.Entry(id, "school-1", PersonDossier.EntryType.MEASURE, PartyRole.PUPIL, Measure.WARNING,
                        "reason", AT, Actor.SYSTEM)));
        assertThat(across(dossier)).isEqualTo(dossier);
    }

    @SuppressWarnings("unchecked")
    private static <T> T across(T answer) {
        SerializedObject<byte[]> bytes = WIRE.serialize(answer, byte[].class);
        return (T) WIRE.deserialize(bytes);
    }
}
