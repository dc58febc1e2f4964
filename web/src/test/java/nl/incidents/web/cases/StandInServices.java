package nl.incidents.web.cases;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for both services, answering as they do per the person's token (a manager, the communications
 * department, the board): {@code /api/me}, the case list, one case's dossier with the actions the query service
 * gives each of them, and the command API, which refuses a dismissal of a pupil ({@code measure.unfit}, field
 * {@code measure}) and closing ({@code state.closed}) as the command service does, and takes everything else.
 */
final class StandInServices {

    static final String CASE = "3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21";
    static final String OTHER_CASE = "6a1c0d7e-1111-4c3b-9a8e-7f6d5c4b3a21";

    static final Map<String, String> MEMBERS = Map.of(
            "manager", """
                    {"id":"manager","name":"Mark Jansen","role":"MANAGER","schools":[{"id":"school-1","name":"OBS De Esch"}]}""",
            "comms", """
                    {"id":"comms","name":"Carla Bos","role":"COMMUNICATIONS","schools":[]}""",
            "board", """
                    {"id":"board","name":"Bert Smit","role":"BOARD","schools":[]}""");

    static final Map<String, String> ACTIONS = Map.of(
            "manager", """
                    ["ESCALATE_TO_NEXT_LEVEL","AGREE_STRATEGY","NOTIFY_COMMUNICATIONS","IMPOSE_LIGHT_MEASURE",
                     "RECORD_CORRESPONDENCE","CLOSE"]""",
            "comms", "[]",
            "board", """
                    ["ESCALATE_TO_NEXT_LEVEL","AGREE_STRATEGY","NOTIFY_COMMUNICATIONS","FILE_WITH_POLICE",
                     "DECLINE_POLICE_REPORT","REPORT_TO_INSPECTOR","IMPOSE_LIGHT_MEASURE","IMPOSE_HEAVY_MEASURE",
                     "RECORD_CORRESPONDENCE","CLOSE","RECORD_POLICE_REPORT_OUTCOME","PLACE_LEGAL_HOLD"]""");

    /** What the stand-in was asked: method, path with query, and the body of a command. */
    record Call(String person, String method, String target, String body) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Each step taken adds a line to the case's timeline, as the query service shows it. */
    private final java.util.concurrent.atomic.AtomicInteger stepsTaken = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpServer server;

    StandInServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        String person = authorization.startsWith("Bearer token-of-") ? authorization.substring("Bearer token-of-".length()) : "";
        String target = exchange.getRequestURI().toString();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(person, exchange.getRequestMethod(), target, body));
        if (!MEMBERS.containsKey(person)) {
            send(exchange, 401, "{\"status\":401,\"code\":\"sign-in.required\"}");
        } else if (path.equals("/api/me")) {
            send(exchange, 200, MEMBERS.get(person));
        } else if (path.equals("/api/incidents") && exchange.getRequestMethod().equals("GET")) {
            send(exchange, 200, list(person));
        } else if (path.equals("/api/incidents/" + CASE) && exchange.getRequestMethod().equals("GET")) {
            send(exchange, 200, dossier(person));
        } else if (path.equals("/api/incidents/" + CASE + "/measures") && body.contains("DISMISSAL")) {
            send(exchange, 400, """
                    {"type":"about:blank","title":"Bad Request","status":400,"detail":"DISMISSAL is not a measure for a pupil.",
                     "code":"measure.unfit","field":"measure","measure":"DISMISSAL","role":"PUPIL"}""");
        } else if (path.equals("/api/incidents/" + CASE + "/closure")) {
            send(exchange, 409, """
                    {"type":"about:blank","title":"Conflict","status":409,"detail":"Incident is closed; nothing more can be done in it.",
                     "code":"state.closed","action":"CLOSE"}""");
        } else if (path.startsWith("/api/incidents/" + CASE + "/") && exchange.getRequestMethod().equals("POST")) {
            stepsTaken.incrementAndGet();
            send(exchange, 200, "{\"incidentId\":\"" + CASE + "\"}");
        } else {
            send(exchange, 404, "{\"status\":404,\"code\":\"case.unknown\",\"detail\":\"There is no incident.\"}");
        }
    }

    private static String list(String person) {
        boolean handles = !person.equals("comms");
        String timing = handles ? """
                ,"nextDue":{"step":"ACKNOWLEDGE","dueAt":"2026-11-30T10:00:00+01:00"},"overdueSince":"2026-11-30T10:00:00+01:00","lateSteps":1""" : "";
        String laterTiming = handles ? """
                ,"nextDue":{"step":"NOTIFY_COMMUNICATIONS","dueAt":"2026-12-01T16:00:00+01:00"},"lateSteps":0""" : "";
        return """
                {"items":[
                 {"incidentId":"%s","schoolId":"school-1","status":"ESCALATED","severity":"HIGH","stage":"DERAILED",
                  "platform":"FACEBOOK","assignee":{"level":"MANAGER","personId":"manager"},
                  "reportedAt":"2026-11-29T21:13:00+01:00"%s},
                 {"incidentId":"%s","schoolId":"school-1","status":"ACKNOWLEDGED","severity":"LOW","stage":"THREATENING",
                  "platform":"TIKTOK","assignee":{"level":"MANAGER","personId":"manager"},
                  "reportedAt":"2026-11-30T08:00:00+01:00"%s}],
                 "nextPageToken":"page-2"}""".formatted(CASE, timing, OTHER_CASE, laterTiming);
    }

    private String dossier(String person) {
        boolean handles = !person.equals("comms");
        String measures = handles ? """
                ,"measures":[{"personId":"pupil-7","partyRole":"PUPIL","measure":"WARNING","reason":"Shared the threat",
                  "at":"2026-11-30T09:00:00+01:00","by":{"id":"manager","role":"MANAGER"}}],
                 "holds":[{"kind":"police-report"}],
                 "legalHolds":[{"placedAt":"2026-11-30T09:10:00+01:00","placedBy":{"id":"board","role":"BOARD"},
                   "reason":"Claim announced by the parent","liftedAt":"2026-11-30T09:20:00+01:00",
                   "liftedBy":{"id":"board","role":"BOARD"},"liftReason":"Claim withdrawn"}]""" : "";
        return """
                {"incidentId":"%s","schoolId":"school-1","status":"ACKNOWLEDGED",
                 "report":{"platform":"FACEBOOK","location":"https://www.facebook.com/groups/ouders/posts/1",
                   "summary":"A parent threatens a teacher in the parents group","stage":"DERAILED",
                   "harms":["THREATENING","INSULTING"],"severity":"HIGH",
                   "involvedParties":[{"personId":"parent-3","role":"PARENT","part":"AUTHOR"},
                     {"personId":"pupil-7","role":"PUPIL","part":"AUTHOR"},{"personId":"staff-9","role":"STAFF","part":"BYSTANDER"}],
                   "observedAt":"2026-11-29T20:15:00+01:00","reportedBy":"teacher","reportedAt":"2026-11-29T21:13:00+01:00"},
                 "escalation":{"assignee":{"level":"MANAGER","personId":"manager"},"reason":"Reported",
                   "escalatedAt":"2026-11-29T21:13:00+01:00","acknowledgedAt":"2026-11-30T08:30:00+01:00",
                   "acknowledgedBy":{"id":"manager","role":"MANAGER"}},
                 "strategy":{"elements":["NO_ONLINE_REACTION","CONVERSATION_IN_PERSON"],"description":"Invite the parent",
                   "agreedAt":"2026-11-30T08:45:00+01:00","agreedBy":{"id":"manager","role":"MANAGER"}}%s,
                 "timeline":[%s],
                 "actions":%s}""".formatted(CASE, measures, timeline(), ACTIONS.get(person));
    }

    private String timeline() {
        // Each line with its code and parameters, as the query service gives them; the last one without (an older answer).
        StringBuilder lines = new StringBuilder("""
                {"at":"2026-11-29T21:13:00+01:00","by":{"id":"teacher","role":"STAFF"},"code":"reported",
                 "params":{"stage":"DERAILED","platform":"FACEBOOK","severity":"HIGH","harms":"INSULTING,THREATENING"},
                 "text":"Reported a derailed discussion on FACEBOOK (severity HIGH; INSULTING, THREATENING)"},
                {"at":"2026-11-29T21:13:00+01:00","by":{"id":"system","role":"SYSTEM"},"code":"escalated-by-system",
                 "params":{"level":"MANAGER","personId":"manager","cause":"REPORT","reason":"Reported: the manager hears of it at once."},
                 "text":"Escalated to manager manager by the system: Reported: the manager hears of it at once."},
                {"at":"2026-11-29T21:13:00+01:00","by":{"id":"system","role":"SYSTEM"},"code":"deadline-set",
                 "params":{"step":"ACKNOWLEDGE","dueAt":"2026-11-30T09:30:00Z","level":"MANAGER","personId":"manager"},
                 "text":"Acknowledgement due by 2026-11-30 10:30 CET (manager manager), set by the system"},
                {"at":"2026-11-30T08:30:00+01:00","by":{"id":"manager","role":"MANAGER"},"code":"acknowledged",
                 "params":{"level":"MANAGER","personId":"manager","note":"Calling the teacher"},
                 "text":"Acknowledged by manager manager: Calling the teacher"},
                {"at":"2026-11-30T08:45:00+01:00","by":{"id":"manager","role":"MANAGER"},"code":"strategy-agreed",
                 "params":{"agreedWith":"teacher","elements":"CONVERSATION_IN_PERSON,NO_ONLINE_REACTION"},
                 "text":"Response strategy agreed with teacher: CONVERSATION_IN_PERSON, NO_ONLINE_REACTION"},
                {"at":"2026-11-30T09:00:00+01:00","by":{"id":"manager","role":"MANAGER"},"code":"measure-imposed",
                 "params":{"measure":"WARNING","personId":"pupil-7","partyRole":"PUPIL"},
                 "text":"Measure WARNING imposed on pupil-7 (PUPIL)"},
                {"at":"2026-11-30T09:05:00+01:00","by":{"id":"manager","role":"MANAGER"},"text":"An older line without a code"}""");
        for (int i = 0; i < stepsTaken.get(); i++) {
            lines.append(",{\"at\":\"2026-11-30T09:00:00+01:00\",\"by\":{\"id\":\"manager\",\"role\":\"MANAGER\"},"
                    + "\"text\":\"A step\"}");
        }
        return lines.toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
