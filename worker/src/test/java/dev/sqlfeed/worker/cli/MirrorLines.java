package dev.sqlfeed.worker.cli;

import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An app's mirror as the tests compare it: one JSON line a record, in the store's export order (as
 * {@code sqlfeed export} writes it). The end-to-end suites compare a worker's mirror with the one a
 * fresh full sync of the same source writes.
 */
public final class MirrorLines {
  private MirrorLines() {}

  /** The mirror of {@code app} in an open store. */
  public static List<String> of(SyncStore store, String app) {
    List<String> lines = new ArrayList<>();
    store.exportMirror(Optional.of(app), r -> lines.add(r.toJsonLine()));
    return lines;
  }

  /** The mirror of {@code app} in the existing store at {@code storeUrl}. */
  static List<String> of(String storeUrl, String app) {
    try (SyncStore s = Wiring.existingStore(storeUrl, Map.of())) {
      return of(s, app);
    }
  }

  /**
   * Runs {@code sqlfeed sync --in-process} of {@code config} into a new SQLite store {@code
   * full.db} in {@code dir}, with {@code env} added to the environment, and returns the mirror of
   * {@code app} that it wrote.
   */
  static List<String> ofFreshFullSync(Map<String, String> env, Path config, Path dir, String app) {
    String fullStore = "jdbc:sqlite:" + dir.resolve("full.db");
    CliRun.run(env, "sync", "--config", config.toString(), "--store", fullStore, "--in-process")
        .exits(0);
    try (SyncStore s = JdbcStores.open(fullStore)) {
      return of(s, app);
    }
  }
}
