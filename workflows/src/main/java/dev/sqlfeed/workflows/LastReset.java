package dev.sqlfeed.workflows;

/**
 * The last reset of a source's committed cursor, as the state query shows it and continue-as-new
 * carries it: who moved the cursor, when, and from where to where. Only the last one is kept, so
 * the state stays small; the workflow's history holds every reset signal. A wire format: add
 * components, never rename or remove them.
 *
 * @param by who asked; null for a bare {@code resetCursor} signal, which names no one
 * @param at when the workflow took the reset, in workflow time
 * @param from the committed cursor before the reset; null when none was committed
 * @param to the committed cursor the reset set, in canonical form
 */
public record LastReset(String by, String at, String from, String to) {}
