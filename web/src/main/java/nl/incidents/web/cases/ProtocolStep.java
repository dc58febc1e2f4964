package nl.incidents.web.cases;

import java.util.List;
import java.util.Set;

/**
 * A step of the protocol (een stap van het protocol) a person takes on the case page: its address under
 * {@code /cases/{id}/}, the command API's address under {@code /api/incidents/{id}/}, the actions of the query
 * service's dossier that allow it (the kernel's {@code CaseAction} names; the form is offered only when the dossier
 * lists one of them), and the form's fields in the order of the command's body ({@code elements} is a list).
 */
public enum ProtocolStep {
    ACKNOWLEDGE("acknowledge", "acknowledgements", Set.of("ACKNOWLEDGE"), List.of("note")),
    STRATEGY("strategy", "strategy", Set.of("AGREE_STRATEGY"), List.of("elements", "description")),
    NOTIFY_COMMUNICATIONS("notify-communications", "communications-notifications", Set.of("NOTIFY_COMMUNICATIONS"),
            List.of("message")),
    MEASURES("measures", "measures", Set.of("IMPOSE_LIGHT_MEASURE", "IMPOSE_HEAVY_MEASURE"),
            List.of("personId", "measure", "reason")),
    CORRESPONDENCE("correspondence", "correspondence", Set.of("RECORD_CORRESPONDENCE"), List.of("personId", "summary")),
    ESCALATE("escalate", "escalations", Set.of("ESCALATE_TO_NEXT_LEVEL"), List.of("reason")),
    POLICE_REPORT("police-report", "police-reports", Set.of("FILE_WITH_POLICE"), List.of("offence", "policeReference")),
    POLICE_DECLINED("police-declined", "police-report-declined", Set.of("DECLINE_POLICE_REPORT"), List.of("reason")),
    INSPECTOR("inspector", "inspector-reports", Set.of("REPORT_TO_INSPECTOR"),
            List.of("personId", "summary", "inspectorReference")),
    CLOSE("close", "closure", Set.of("CLOSE"), List.of("outcome")),
    POLICE_OUTCOME("police-outcome", "police-report-outcome", Set.of("RECORD_POLICE_REPORT_OUTCOME"), List.of("outcome")),
    LEGAL_HOLD("legal-hold", "legal-hold", Set.of("PLACE_LEGAL_HOLD"), List.of("reason")),
    LIFT_LEGAL_HOLD("lift-legal-hold", "legal-hold-lifted", Set.of("LIFT_LEGAL_HOLD"), List.of("reason")),
    ERASE("erase", "erasure", Set.of("ERASE_CASE"), List.of("request", "ground", "requestedBy")),
    NEED_TO_KNOW("need-to-know", "need-to-know", Set.of("RESTRICT_TO_NEED_TO_KNOW"), List.of("reason")),
    LIFT_NEED_TO_KNOW("lift-need-to-know", "need-to-know-lifted", Set.of("LIFT_NEED_TO_KNOW"), List.of("reason")),
    ADD_READER("add-reader", "need-to-know-readers", Set.of("ADD_NEED_TO_KNOW_READER"), List.of("personId")),
    REMOVE_READER("remove-reader", "need-to-know-reader-removals", Set.of("REMOVE_NEED_TO_KNOW_READER"),
            List.of("personId"));

    /** The fields sent as a list. */
    static final Set<String> LISTS = Set.of("elements");

    private final String path;
    private final String commandPath;
    private final Set<String> allowedBy;
    private final List<String> fields;

    ProtocolStep(String path, String commandPath, Set<String> allowedBy, List<String> fields) {
        this.path = path;
        this.commandPath = commandPath;
        this.allowedBy = allowedBy;
        this.fields = fields;
    }

    /** The step's address under the case page: {@code /cases/{id}/<path>}. */
    public String path() {
        return path;
    }

    /** The command API's address under the case: {@code /api/incidents/{id}/<commandPath>}. */
    public String commandPath() {
        return commandPath;
    }

    /** The form's fields, as the command's body names them. */
    public List<String> fields() {
        return fields;
    }

    /** Whether the dossier's actions (kernel {@code CaseAction} names) allow this step. */
    public boolean allowedBy(List<String> actions) {
        return actions.stream().anyMatch(allowedBy::contains);
    }

    /** The step at this address, or null. */
    static ProtocolStep at(String path) {
        for (ProtocolStep step : values()) {
            if (step.path.equals(path)) {
                return step;
            }
        }
        return null;
    }
}
