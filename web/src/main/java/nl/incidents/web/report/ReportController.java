package nl.incidents.web.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.web.layout.CurrentMember;
import nl.incidents.web.services.ServiceProblem;
import nl.incidents.web.start.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Reporting a derailing discussion (melding maken): {@code GET /report} shows the form, {@code POST /report} checks
 * it here first (each fault next to its field, in the person's language), then sends it to the command service
 * ({@code POST /api/incidents}) with the person's token; a refusal is shown next to its field, or at the top, in the
 * person's language by its code ({@code messages/refusals_*}) or else as the service's detail. Sent,
 * the browser goes to {@code GET /report/{id}/sent} (post/redirect/get): what happens next and to whom the case
 * went, from the case's dossier on the query service. {@code POST /report} with {@code addRow} shows the same form
 * with one more row for a person involved, without a script.
 */
@Controller
class ReportController {

    /** Dutch time: what the form shows and reads. */
    static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);
    private static final java.util.regex.Pattern PARTY_FIELD = java.util.regex.Pattern.compile("involvedParties\\[(\\d+)](?:\\.(\\w+))?");
    private static final Logger log = LoggerFactory.getLogger(ReportController.class);
    /** How often the sent page asks the query service again, every two seconds, before it stops asking. */
    static final int MOST_POLLS = 30;

    private final RestClient commandService;
    private final RestClient queryService;
    private final CurrentMember currentMember;
    private final MessageSource messages;
    private final Colleagues colleagues;

    ReportController(RestClient commandService, RestClient queryService, CurrentMember currentMember,
                     MessageSource messages, Colleagues colleagues) {
        this.commandService = commandService;
        this.queryService = queryService;
        this.currentMember = currentMember;
        this.messages = messages;
        this.colleagues = colleagues;
    }

    @GetMapping("/report")
    String form(Model model, HttpServletRequest request) {
        ReportForm form = new ReportForm();
        form.setIncidentId(UUID.randomUUID());
        form.setObservedAt(LocalDateTime.now(DUTCH_TIME).truncatedTo(ChronoUnit.MINUTES).format(FORM_TIME));
        List<Member.SchoolRef> schools = schools(request);
        if (schools.size() == 1) {
            form.setSchoolId(schools.get(0).id());
        }
        form.padRows(ReportForm.FIRST_ROWS);
        return show(model, form, schools);
    }

    @PostMapping(path = "/report", params = "addRow")
    String addRow(@ModelAttribute("report") ReportForm form, Model model, HttpServletRequest request) {
        form.padRows(form.getParties().size() + 1);
        model.addAttribute("focusRow", form.getParties().size() - 1);
        return show(model, form, schools(request));
    }

    @PostMapping(path = "/report", params = "!addRow")
    String send(@Valid @ModelAttribute("report") ReportForm form, BindingResult errors, Model model,
                HttpServletRequest request, HttpServletResponse response, Locale locale) {
        List<Member.SchoolRef> schools = schools(request);
        if (form.getIncidentId() == null) {
            form.setIncidentId(UUID.randomUUID());
        }
        Instant observedAt = checkObservedAt(form, errors);
        List<Integer> rows = checkParties(form, errors);
        if (form.getSchoolId() != null && !form.getSchoolId().isBlank()
                && schools.stream().noneMatch(s -> s.id().equals(form.getSchoolId()))) {
            errors.rejectValue("schoolId", "report.school.notYours");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            form.padRows(ReportForm.FIRST_ROWS);
            return show(model, form, schools);
        }
        try {
            Accepted accepted = commandService.post().uri("/api/incidents")
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                    .body(body(form, rows, observedAt)).retrieve().body(Accepted.class);
            String id = accepted != null && accepted.incidentId() != null ? accepted.incidentId() : form.getIncidentId().toString();
            return "redirect:/report/" + id + "/sent";
        } catch (RestClientResponseException refused) {
            ServiceProblem refusal = ServiceProblem.of(refused);
            log.info("The command service refused a report: {} {} {} ({})", refusal.status(), refusal.code(),
                    refusal.field(), refusal.detail());
            String text = refusal.text(messages, locale);
            String field = formField(refusal.field(), rows);
            if (field != null) {
                errors.rejectValue(field, "report.error.refusedField", new Object[] {text}, text);
            } else {
                errors.reject("report.error.refusedField", new Object[] {text}, text);
            }
            response.setStatus(refusal.status() >= 500 ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : refusal.status());
        } catch (RestClientException unavailable) {
            log.warn("The command service did not take a report: {}", unavailable.toString());
            errors.reject("report.error.unavailable");
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
        form.padRows(ReportForm.FIRST_ROWS);
        return show(model, form, schools);
    }

    /**
     * After sending: the case's dossier names who it went to. The query service shows a new case, and then its
     * escalation to the manager, within moments; until it has both, the page says the report is being processed and
     * asks again by itself (htmx) every two seconds, at most {@value #MOST_POLLS} times (a minute): then, or at once
     * when the case cannot be read (another person's case, or the query service refusing), it says where to look later
     * and stops asking.
     *
     * @param poll how many times the page asked already (0 for the page itself)
     */
    @GetMapping("/report/{id}/sent")
    String sent(@PathVariable UUID id, @RequestParam(name = "poll", defaultValue = "0") int poll, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("incidentId", id);
        model.addAttribute("nextPoll", Math.max(poll, 0) + 1);
        model.addAttribute("escalated", false);
        boolean unreadable = false;
        Dossier dossier = null;
        boolean htmx = request.getHeader("HX-Request") != null;
        for (int attempt = 0; attempt < (htmx ? 1 : 8) && (dossier == null || dossier.escalation() == null); attempt++) {
            if (attempt > 0) {
                pause(250);
            }
            try {
                dossier = queryService.get().uri("/api/incidents/{id}", id).accept(MediaType.APPLICATION_JSON)
                        .retrieve().body(Dossier.class);
            } catch (HttpClientErrorException.NotFound notYet) {
                // not projected yet
            } catch (HttpClientErrorException.Forbidden notTheirs) {
                // Another person's case: said so, without what happens next (which is for the case's reporter).
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                model.addAttribute("notYours", true);
                model.addAttribute("stopped", true);
                return "report/sent";
            } catch (RestClientException other) {
                log.info("The sent page could not read case {}: {}", id, other.toString());
                unreadable = other instanceof HttpClientErrorException;
                break;
            }
        }
        model.addAttribute("stopped", unreadable || poll >= MOST_POLLS);
        Dossier.Assignee to = dossier == null || dossier.escalation() == null ? null : dossier.escalation().assignee();
        if (to != null) {
            model.addAttribute("escalated", true);
            model.addAttribute("toBoard", "BOARD".equals(to.level()));
            model.addAttribute("toName", colleagues.name(to.personId()).orElse(to.personId()));
            String schoolId = dossier.schoolId();
            model.addAttribute("schoolName", schools(request).stream().filter(s -> s.id().equals(schoolId))
                    .map(s -> s.name() == null ? s.id() : s.name()).findFirst().orElse(schoolId));
        }
        return htmx ? "report/sent :: outcome" : "report/sent";
    }

    private String show(Model model, ReportForm form, List<Member.SchoolRef> schools) {
        model.addAttribute("report", form);
        model.addAttribute("schools", schools);
        model.addAttribute("platforms", Platform.values());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("harms", Harm.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("partyRoles", PartyRole.values());
        model.addAttribute("parts", Part.values());
        model.addAttribute("maxRows", ReportForm.MAX_ROWS);
        // The fields in the form's order, for listing its faults at the top in the order the person meets them.
        List<String> fieldOrder = new ArrayList<>(List.of("schoolId", "platform", "location", "summary", "stage", "harms",
                "severity", "parties"));
        for (int i = 0; i < form.getParties().size(); i++) {
            fieldOrder.addAll(List.of("parties[" + i + "].personId", "parties[" + i + "].role", "parties[" + i + "].part"));
        }
        fieldOrder.add("observedAt");
        model.addAttribute("fieldOrder", fieldOrder);
        return "report/form";
    }

    private List<Member.SchoolRef> schools(HttpServletRequest request) {
        return currentMember.of(request.getSession()).map(Member::schools).orElse(List.of());
    }

    /** When it was seen, in Dutch time: from 2000 up to now (five minutes' allowance, as the service). */
    private static Instant checkObservedAt(ReportForm form, BindingResult errors) {
        if (form.getObservedAt() == null || form.getObservedAt().isBlank() || errors.hasFieldErrors("observedAt")) {
            return null;
        }
        try {
            Instant at = LocalDateTime.parse(form.getObservedAt().strip()).atZone(DUTCH_TIME).toInstant();
            if (at.isBefore(EARLIEST)) {
                errors.rejectValue("observedAt", "report.observedAt.tooEarly");
            } else if (at.isAfter(Instant.now().plus(CLOCK_SKEW))) {
                errors.rejectValue("observedAt", "report.observedAt.future");
            }
            return at;
        } catch (DateTimeException notATime) {
            errors.rejectValue("observedAt", "report.observedAt.invalid");
            return null;
        }
    }

    /** The rows filled in (an empty row is left out), each whole and with a valid reference; their indexes. */
    private static List<Integer> checkParties(ReportForm form, BindingResult errors) {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < form.getParties().size(); i++) {
            ReportForm.PartyRow row = form.getParties().get(i);
            if (row == null || row.isEmpty()) {
                continue;
            }
            filled.add(i);
            String prefix = "parties[" + i + "].";
            if (row.getPersonId() == null || row.getPersonId().isBlank()) {
                errors.rejectValue(prefix + "personId", "report.party.personId.required");
            } else if (!PersonId.isValid(row.getPersonId())) {
                errors.rejectValue(prefix + "personId", "report.party.personId.invalid");
            }
            if (row.getRole() == null && !errors.hasFieldErrors(prefix + "role")) {
                errors.rejectValue(prefix + "role", "report.party.role.required");
            }
            if (row.getPart() == null && !errors.hasFieldErrors(prefix + "part")) {
                errors.rejectValue(prefix + "part", "report.party.part.required");
            }
        }
        if (form.getSummary() != null && form.getSummary().codePoints()
                .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.rejectValue("summary", "report.summary.plain");
        }
        return filled;
    }

    /** The command service's body for the form (see its IncidentRequests.Report). */
    private static Map<String, Object> body(ReportForm form, List<Integer> rows, Instant observedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incidentId", form.getIncidentId());
        body.put("schoolId", form.getSchoolId());
        body.put("platform", form.getPlatform());
        body.put("location", form.getLocation());
        body.put("summary", form.getSummary());
        body.put("stage", form.getStage());
        body.put("harms", form.getHarms());
        body.put("severity", form.getSeverity());
        body.put("involvedParties", rows.stream().map(form.getParties()::get)
                .map(row -> Map.of("personId", row.getPersonId(), "role", row.getRole(), "part", row.getPart())).toList());
        body.put("observedAt", observedAt);
        return body;
    }

    /** The form's field for the service's name of a field, or null when the refusal belongs at the top. */
    static String formField(String serviceField, List<Integer> rows) {
        if (serviceField == null || serviceField.isBlank()) {
            return null;
        }
        Matcher party = PARTY_FIELD.matcher(serviceField);
        if (party.matches()) {
            int index = Integer.parseInt(party.group(1));
            if (index >= rows.size()) {
                return null;
            }
            String member = party.group(2);
            return "parties[" + rows.get(index) + "]." + (member == null ? "personId" : member);
        }
        String name = serviceField.replaceAll("\\[.*$", "");
        return switch (name) {
            case "schoolId", "platform", "location", "summary", "stage", "harms", "severity", "observedAt" -> name;
            default -> null;
        };
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command service's answer to an accepted report. */
    record Accepted(String incidentId) {
    }
}
