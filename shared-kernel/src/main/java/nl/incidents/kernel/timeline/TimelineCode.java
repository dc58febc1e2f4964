package nl.incidents.kernel.timeline;

import java.util.List;

/**
 * What one line of a case's readable timeline (verloop) says, by a stable code, with the names of the parameters the
 * line carries. The query service gives each line its code and parameters beside an English sentence; a page writes
 * the line in its reader's language from the code (the web module's {@code cases.timeline.<code>} texts). Parameter
 * values are the raw ones: enum names ({@code DERAILED}, {@code ACKNOWLEDGE}), a directory or board reference for a
 * person, ISO 8601 instants for times, lists of enum names separated by commas, and a person's own words as typed.
 * A parameter without a value (no note, a deadline that names no holder) is absent.
 */
public enum TimelineCode {
    /** The report: the discussion's stage, platform, severity and harms. */
    REPORTED("reported", "stage", "platform", "severity", "harms"),
    /** A person escalated the case: to which level, which manager (for a manager), why in their words. */
    ESCALATED("escalated", "level", "personId", "reason"),
    /**
     * The system escalated the case: to which level and manager, and why ({@code cause}, an
     * {@link nl.incidents.kernel.protocol.Escalations.Cause} name when the reason is one of the system's own; else
     * absent, and {@code reason} has its words).
     */
    ESCALATED_BY_SYSTEM("escalated-by-system", "level", "personId", "cause", "reason"),
    /** The holder acknowledged the case, with an optional note. */
    ACKNOWLEDGED("acknowledged", "level", "personId", "note"),
    /** The response strategy was agreed with someone (their id), with its elements. */
    STRATEGY_AGREED("strategy-agreed", "agreedWith", "elements"),
    /** The case's manager or the board informed the communications department. */
    COMMUNICATIONS_NOTIFIED("communications-notified"),
    /** The system informed the communications department, the step overdue since then. */
    COMMUNICATIONS_NOTIFIED_BY_SYSTEM("communications-notified-by-system", "overdueSince"),
    /** The board filed a police report (aangifte) for an offence. */
    FILED_WITH_POLICE("filed-with-police", "offence"),
    /** The board decided not to file a police report, with its reason. */
    POLICE_REPORT_DECLINED("police-report-declined", "reason"),
    /** The board reported a staff member to the national confidential inspector (vertrouwensinspecteur). */
    REPORTED_TO_INSPECTOR("reported-to-inspector", "staffMember"),
    /** A measure was imposed on a person involved, by their role in the discussion. */
    MEASURE_IMPOSED("measure-imposed", "measure", "personId", "partyRole"),
    /** Correspondence about a person involved was recorded in their dossier. */
    CORRESPONDENCE_RECORDED("correspondence-recorded", "personId"),
    /** The case was closed with an outcome. */
    CLOSED("closed", "outcome"),
    /** The system recorded the case's escalation terms: the clock, the region, whether the legal duty applies. */
    TERMS_RECORDED("terms-recorded", "clock", "region", "legalDuty"),
    /** The system set a step's deadline; for an acknowledgement, who must acknowledge. */
    DEADLINE_SET("deadline-set", "step", "dueAt", "level", "personId"),
    /** An overdue step is still open: the system reminds the board again at {@code dueAt}. */
    REMINDER_SET("reminder-set", "step", "dueAt"),
    /** The system noticed a step not taken by its deadline; for an acknowledgement, who held the case. */
    STEP_OVERDUE("step-overdue", "step", "dueAt", "level", "personId"),
    /** The system reminded the board of an overdue step, for the n-th time. */
    BOARD_REMINDED("board-reminded", "step", "reminder"),
    /** The board placed a legal hold (bewaarblokkade) on the case, with its reason. */
    LEGAL_HOLD_PLACED("legal-hold-placed", "reason"),
    /** The board lifted its legal hold on the case, with its reason. */
    LEGAL_HOLD_LIFTED("legal-hold-lifted", "reason"),
    /** The board recorded how the case's police report (aangifte) ended. */
    POLICE_REPORT_CONCLUDED("police-report-concluded", "outcome"),
    /**
     * Everything the case held about one person was erased (AVG art. 17): the board's reference of the request, the
     * ground ({@link nl.incidents.kernel.privacy.ErasureGround} name) and who asked
     * ({@link nl.incidents.kernel.privacy.ErasureRequester} name); never whom.
     */
    PERSON_ERASED("person-erased", "request", "ground", "requestedBy"),
    /** The whole case was erased, on a request or at the end of its retention period; as {@link #PERSON_ERASED}. */
    CASE_ERASED("case-erased", "request", "ground", "requestedBy"),
    /** Evidence was attached: the file's name as sent, its SHA-256 and its size in bytes. */
    EVIDENCE_ATTACHED("evidence-attached", "fileName", "sha256", "sizeBytes"),
    /** The board marked the case need-to-know (alleen wie het moet weten), with its reason. */
    NEED_TO_KNOW("need-to-know", "reason"),
    /** The board lifted its need-to-know mark, with its reason. */
    NEED_TO_KNOW_LIFTED("need-to-know-lifted", "reason"),
    /** The board added a person (their directory id) to those who may know of the case. */
    NEED_TO_KNOW_READER_ADDED("need-to-know-reader-added", "personId"),
    /** The board took a person (their directory id) off the need-to-know case. */
    NEED_TO_KNOW_READER_REMOVED("need-to-know-reader-removed", "personId");

    private final String code;
    private final List<String> parameters;

    TimelineCode(String code, String... parameters) {
        this.code = code;
        this.parameters = List.of(parameters);
    }

    /** The code as the API gives it, such as {@code deadline-set}. */
    public String code() {
        return code;
    }

    /** The names of the parameters a line of this code may carry, in the order a sentence usually names them. */
    public List<String> parameters() {
        return parameters;
    }

    /** The code of this name; fails for an unknown one. */
    public static TimelineCode of(String code) {
        for (TimelineCode value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("no timeline code " + code);
    }
}
