package nl.incidents.kernel.incident;

/** How serious the reporter judges the case; it drives how fast each step is due. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
