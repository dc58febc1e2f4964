package nl.incidents.kernel.incident;

/** The kind of harm a derailing discussion does, as the protocols name them. */
public enum Harm {
    BULLYING(false),
    INSULTING(false),
    STALKING(true),
    THREATENING(true),
    DEFAMING(true),
    DISCRIMINATION(true),
    HACKING_ACCOUNT(true),
    RADICALISATION(true),
    PRIVACY_BREACH(false),
    SEXUAL_IMAGES_OF_MINORS(true),
    LEAKING_CONFIDENTIAL_INFORMATION(false),
    STAFF_ARGUING_ONLINE(false);

    private final boolean possiblyCriminal;

    Harm(boolean possiblyCriminal) {
        this.possiblyCriminal = possiblyCriminal;
    }

    /** Whether the protocols name this harm as a possible criminal offence, for which the board decides on a police report. */
    public boolean possiblyCriminal() {
        return possiblyCriminal;
    }
}
