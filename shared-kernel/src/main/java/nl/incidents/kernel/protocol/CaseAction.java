package nl.incidents.kernel.protocol;

import nl.incidents.kernel.incident.Measure;

/**
 * What someone may attempt on a case: one per command, with measures split into the light ones
 * and the heavy ones, since the protocol gives them to different people. {@link CasePolicies}
 * says who may do each.
 */
public enum CaseAction {
    REPORT("report", "report a discussion"),
    ESCALATE_TO_MANAGER("escalate to a manager", "escalate the case to a manager"),
    ESCALATE_TO_NEXT_LEVEL("escalate up", "escalate the case"),
    MARK_STEP_OVERDUE("mark a step overdue", "mark a step overdue"),
    ACKNOWLEDGE("acknowledge", "acknowledge the case"),
    AGREE_STRATEGY("agree a strategy", "agree a response strategy"),
    NOTIFY_COMMUNICATIONS("notify communications", "notify the communications department"),
    FILE_WITH_POLICE("file with the police", "file with the police"),
    DECLINE_POLICE_REPORT("decline a police report", "decide on a police report"),
    REPORT_TO_INSPECTOR("report to the inspector", "report to the national confidential inspector"),
    IMPOSE_LIGHT_MEASURE("light measure", "impose measures"),
    IMPOSE_HEAVY_MEASURE("heavy measure", "impose heavy measures"),
    RECORD_CORRESPONDENCE("record correspondence", "record correspondence"),
    CLOSE("close", "close the case"),
    PLACE_LEGAL_HOLD("place a legal hold", "place a legal hold on the case"),
    LIFT_LEGAL_HOLD("lift a legal hold", "lift the legal hold on the case"),
    RECORD_POLICE_REPORT_OUTCOME("record a police report's outcome", "record how the police report ended"),
    ERASE_PERSON("erase a person", "erase a person's data from the case"),
    ERASE_CASE("erase the case", "erase the case"),
    ATTACH_EVIDENCE("attach evidence", "attach evidence to the case"),
    RESTRICT_TO_NEED_TO_KNOW("mark need-to-know", "mark the case need-to-know"),
    LIFT_NEED_TO_KNOW("lift need-to-know", "lift the need-to-know mark"),
    ADD_NEED_TO_KNOW_READER("add a reader", "add a person to the need-to-know case"),
    REMOVE_NEED_TO_KNOW_READER("remove a reader", "take a person off the need-to-know case");

    private final String label;
    private final String task;

    CaseAction(String label, String task) {
        this.label = label;
        this.task = task;
    }

    /** A short name, for a table's heading. */
    public String label() {
        return label;
    }

    /** What is attempted, after "can": "close the case". */
    public String task() {
        return task;
    }

    /** Imposing this measure: heavy measures (suspension and up, removal) are an action of their own. */
    public static CaseAction imposing(Measure measure) {
        return measure.heavy() ? IMPOSE_HEAVY_MEASURE : IMPOSE_LIGHT_MEASURE;
    }
}
