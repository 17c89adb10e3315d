package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code events.retention} through the CLI: {@code run --once} prunes its app's events after its
 * cycle, and only its app's, in a store that two apps share.
 */
class CliRetentionIT {
  private static final DateTimeFormatter SQLITE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  @TempDir Path dir;

  @Test
  void runOnce_prunesAllButTheNewestEventsOfItsApp_andLeavesTheOtherAppsAlone() throws Exception {
    users(5);
    String store = "jdbc:sqlite:" + dir.resolve("store.db");
    Path other = config("other", "");
    Path acme = config("acme", "events:\n  retention:\n    max_events: 2\n");

    CliRun first = once(other, store);
    CliRun pruning = once(acme, store);
    CliRun again = once(acme, store);

    first.exits(0);
    assertThat(first.out()).doesNotContain("pruned");
    pruning.exits(0);
    assertThat(pruning.out()).contains("pruned 3 events (events.retention)");
    again.exits(0);
    // The overlap re-reads the newest user, whose event is kept: nothing new, nothing to prune.
    assertThat(again.out()).contains(" 0 new events, 1 duplicates").doesNotContain("pruned");
    try (SyncStore s = JdbcStores.open(store, "", "")) {
      List<StoredEvent> events = s.events(Optional.empty(), 0, 100);
      assertThat(events.stream().filter(e -> e.app().equals("other"))).hasSize(5);
      assertThat(events.stream().filter(e -> e.app().equals("acme")).map(StoredEvent::seq))
          .containsExactly(9L, 10L);
    }
  }

  private CliRun once(Path config, String store) {
    return CliRun.once(Map.of(), config, store);
  }

  private Path config(String app, String extra) throws Exception {
    String yaml =
        UsersApp.config(app, "sqlite:" + dir.resolve("app.db"), "default_lookback: 1h\noverlap: 1s")
            + extra;
    return Files.writeString(dir.resolve(app + ".yml"), yaml);
  }

  private void users(int count) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"))) {
      c.createStatement()
          .execute("CREATE TABLE users (id INTEGER PRIMARY KEY, login TEXT, updated_at TEXT)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO users VALUES (?, ?, ?)")) {
        // Two seconds apart, from one clock reading: the 1 s overlap re-reads the newest user
        // alone. (One second apart, from a reading per row, the second-newest fell inside it
        // whenever two readings shared a millisecond.)
        Instant first = Instant.now().minus(30, ChronoUnit.MINUTES);
        for (int id = 1; id <= count; id++) {
          Instant at = first.plusSeconds(2L * id);
          insert.setInt(1, id);
          insert.setString(2, "u" + id);
          insert.setString(3, LocalDateTime.ofInstant(at, ZoneOffset.UTC).format(SQLITE));
          insert.executeUpdate();
        }
      }
    }
  }
}
