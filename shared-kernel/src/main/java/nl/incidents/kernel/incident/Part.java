package nl.incidents.kernel.incident;

/** The part a party plays in the discussion. */
public enum Part {
    AUTHOR, TARGET, BYSTANDER
}
