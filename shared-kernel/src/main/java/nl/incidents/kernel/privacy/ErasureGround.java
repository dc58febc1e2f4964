package nl.incidents.kernel.privacy;

/**
 * The legal ground of an erasure (grondslag voor wissen): why the board erases a person's data or a whole case.
 * The grounds of AVG (GDPR) art. 17(1) that can apply to a school board's incident records, and the end of the
 * retention period (art. 5(1)(e), storage limitation), on which the daily retention task erases.
 */
public enum ErasureGround {
    /** Art. 17(1)(a): the data are no longer needed for the purpose they were recorded for. */
    NO_LONGER_NEEDED("17-1-a"),
    /** Art. 17(1)(b): the person withdrew the consent the recording rested on. */
    CONSENT_WITHDRAWN("17-1-b"),
    /** Art. 17(1)(c): the person objected (art. 21) and the board has no overriding ground to keep it. */
    OBJECTION("17-1-c"),
    /** Art. 17(1)(d): the data were recorded unlawfully, for example about the wrong person. */
    UNLAWFULLY_PROCESSED("17-1-d"),
    /** Art. 17(1)(e): a legal obligation, such as a court order, requires the erasure. */
    LEGAL_OBLIGATION("17-1-e"),
    /** Art. 5(1)(e): the retention period of the record ended; the daily retention task erases on this ground. */
    RETENTION_PERIOD_ENDED("5-1-e");

    private final String article;

    ErasureGround(String article) {
        this.article = article;
    }

    /** The article and paragraph of the AVG, such as {@code 17-1-a}, for pages and exports. */
    public String article() {
        return article;
    }
}
