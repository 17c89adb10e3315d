package dev.sqlfeed.workflows;

/**
 * The answer to a source workflow's {@code state} query. A wire format: add components, never
 * rename or remove them.
 *
 * @param app the config's {@code app_name}
 * @param sourceKey the source
 * @param phase {@code starting}, {@code scanning}, {@code waiting}, {@code paused} or {@code done}
 * @param nextPollAt when the current wait ends (workflow time), or null when not waiting
 * @param settings the pacing in force
 * @param state the state as continue-as-new would carry it (its {@code cycle} holds the committed
 *     cursor, the running cycle's position, the counters and the last error)
 */
public record SourceStatus(
    String app,
    String sourceKey,
    String phase,
    String nextPollAt,
    SourceSettings settings,
    SourceState state) {}
