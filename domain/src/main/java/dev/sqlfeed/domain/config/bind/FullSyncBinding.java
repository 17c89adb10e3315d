package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.FullSyncSettings;
import dev.sqlfeed.domain.config.GoDuration;
import java.time.Duration;
import java.util.Optional;

/**
 * Binds the top-level {@code full_sync} section: {@code interval}, a duration in baton-sql's (Go's)
 * form. Without the section, or without {@code interval}, full syncs run only on demand.
 */
final class FullSyncBinding {
  static final KeySet KEYS = KeySet.of("interval");

  private FullSyncBinding() {}

  static FullSyncSettings bind(Section top) {
    Optional<Section> s = top.section("full_sync", KEYS);
    if (s.isEmpty()) {
      return FullSyncSettings.OFF;
    }
    Optional<Duration> interval = s.get().duration("interval");
    if (interval.isPresent() && interval.get().isZero()) {
      s.get()
          .binding
          .error(
              s.get().scalar("interval").orElseThrow().location(),
              s.get().pathOf("interval"),
              "must be greater than zero, found "
                  + GoDuration.format(interval.get())
                  + "; leave it out to run full syncs only on demand");
      return FullSyncSettings.OFF;
    }
    return new FullSyncSettings(interval);
  }
}
