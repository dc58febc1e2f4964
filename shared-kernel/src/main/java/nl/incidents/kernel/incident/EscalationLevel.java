package nl.incidents.kernel.incident;

/** The levels a case climbs: the reporter's manager first, then the board (directeur-bestuurder, College van Bestuur). */
public enum EscalationLevel {
    MANAGER, BOARD;

    public boolean isTop() {
        return this == values()[values().length - 1];
    }

    public EscalationLevel next() {
        if (isTop()) {
            throw new IllegalStateException(this + " is the highest level");
        }
        return values()[ordinal() + 1];
    }
}
