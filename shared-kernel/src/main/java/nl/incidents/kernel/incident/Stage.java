package nl.incidents.kernel.incident;

/** How far the discussion has gone: it threatens to derail (dreigt te ontsporen) or has derailed (ontspoord). */
public enum Stage {
    THREATENING, DERAILED
}
