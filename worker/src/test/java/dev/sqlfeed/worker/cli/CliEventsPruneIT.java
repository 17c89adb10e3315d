package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.ports.MirrorChange;
import dev.sqlfeed.ports.SourceEvent;
import dev.sqlfeed.ports.SyncStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliEventsPruneIT {
  @TempDir Path dir;

  private String seedStore(int events) {
    String url = "jdbc:sqlite:" + dir.resolve("store.db");
    ResourceRef team = new ResourceRef("team", "ops");
    Instant at = Instant.parse("2026-11-25T10:00:00Z");
    try (SyncStore store = JdbcStores.open(url)) {
      store.writePage(
          "acme",
          IntStream.rangeClosed(1, events)
              .mapToObj(
                  i -> {
                    ResourceRef user = new ResourceRef("user", "u" + i);
                    return new SourceEvent(
                        new FeedEvent.GrantCreated(
                            "grant:" + i, "team.grants.0.changes", team, "member", user, at),
                        List.of(new MirrorChange.PutGrant(new Grant(team, "member", user))));
                  })
              .toList(),
          Optional.empty());
    }
    return url;
  }

  @Test
  void keep_removesTheOldest_andEventsPrintsTheRest() {
    String url = seedStore(3);

    CliRun prune = CliRun.run("events", "prune", "--store", url, "--keep", "1");

    assertThat(prune.code()).isZero();
    assertThat(prune.out()).isEqualTo("pruned 2 events\n");
    List<String> lines = CliRun.run("events", "--store", url).out().lines().toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("{\"seq\":3,\"id\":\"grant:3\"");
  }

  @Test
  void olderThan_keepsRecentEvents_andZeroRemovesAll() {
    String url = seedStore(2);

    assertThat(CliRun.run("events", "prune", "--store", url, "--older-than", "720h").out())
        .isEqualTo("pruned 0 events\n");
    assertThat(CliRun.run("events", "prune", "--store", url, "--older-than", "0").out())
        .isEqualTo("pruned 2 events\n");
    assertThat(CliRun.run("events", "--store", url).out()).isEmpty();
  }

  @Test
  void withoutARule_orWithABadAge_isAUsageError() {
    String url = seedStore(1);

    CliRun none = CliRun.run("events", "prune", "--store", url);
    assertThat(none.code()).isNotZero();
    assertThat(none.err()).contains("give --older-than, --keep or both");

    CliRun bad = CliRun.run("events", "prune", "--store", url, "--older-than", "30 days");
    assertThat(bad.code()).isNotZero();
    assertThat(bad.err()).contains("--older-than");
    assertThat(CliRun.run("events", "--store", url).out().lines()).hasSize(1);
  }
}
