package nl.incidents.kernel.protocol;

import java.util.Objects;

/**
 * One reason a case is kept past its retention period (bewaarblokkade): the board's legal hold with the board's
 * reason, or an automatic hold while the case's police report or its consultation of the inspector is open.
 * {@link CaseProgress#holds()} lists a case's holds.
 *
 * @param kind   which hold
 * @param reason the board's reason for a legal hold, as typed (personal data of the case); null for the automatic
 *               holds, whose kind says why
 */
public record Hold(Kind kind, String reason) {

    public Hold {
        Objects.requireNonNull(kind, "kind");
    }

    /** Which hold, with a stable code for machines and pages. */
    public enum Kind {
        /** Placed by the board (AVG art. 17(3)(e): needed for a legal claim), until the board lifts it. */
        LEGAL_HOLD("legal-hold", "held by the board"),
        /** A police report (aangifte) was filed and the board has not recorded how it ended. */
        POLICE_REPORT("police-report", "a police report is open"),
        /** The consultation of the national confidential inspector (art. 4a WOT) is open. */
        INSPECTOR_CONSULTATION("inspector-consultation", "the consultation of the confidential inspector is open");

        private final String code;
        private final String description;

        Kind(String code, String description) {
            this.code = code;
            this.description = description;
        }

        /** The code as the API gives it, such as {@code police-report}. */
        public String code() {
            return code;
        }

        /** Why the case is kept, in English words for logs and the API's plain text. */
        public String description() {
            return description;
        }
    }
}
