package dev.sqlfeed.workflows;

import java.util.Objects;

/**
 * The input of a {@link SourceWorkflow} run: the first run gets it from {@code sqlfeed run}, every
 * later run from its predecessor's continue-as-new. A wire format: add components, never rename or
 * remove them.
 *
 * @param app the config's {@code app_name}
 * @param sourceKey the source, such as {@code user} or {@code team.grants.0.changes}
 * @param settings the pacing
 * @param once run one cycle to exhaustion (or to its failure) and complete with the final state,
 *     instead of polling forever
 * @param state the state carried over; null for a new workflow, which then asks the store for the
 *     source's checkpoint
 */
public record SourceInput(
    String app, String sourceKey, SourceSettings settings, boolean once, SourceState state) {
  public SourceInput {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(sourceKey, "sourceKey");
    Objects.requireNonNull(settings, "settings");
  }
}
