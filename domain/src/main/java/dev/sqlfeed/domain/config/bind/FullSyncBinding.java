package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.FullSyncSettings;

/** Binds the top-level {@code full_sync} section. */
final class FullSyncBinding {
  private FullSyncBinding() {}

  static FullSyncSettings bind(Section top) {
    // Bound in a later change; until then the section's key is accepted and ignored.
    return FullSyncSettings.OFF;
  }
}
