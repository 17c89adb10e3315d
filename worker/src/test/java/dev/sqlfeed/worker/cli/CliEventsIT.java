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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CliEventsIT {
  @TempDir Path dir;

  private String seedStore() {
    String url = "jdbc:sqlite:" + dir.resolve("store.db");
    ResourceRef team = new ResourceRef("team", "ops");
    ResourceRef user = new ResourceRef("user", "9007199254740993");
    Instant at = Instant.parse("2026-11-25T10:00:00.123456Z");
    FeedEvent created =
        new FeedEvent.GrantCreated("grant:1", "team.grants.0.changes", team, "member", user, at);
    FeedEvent revoked =
        new FeedEvent.GrantRevoked("revoke:1", "team.grants.0.revokes", team, "member", user, at);
    FeedEvent changed = new FeedEvent.ResourceChanged("resource:1", "user", user, at);
    Grant grant = new Grant(team, "member", user);
    try (SyncStore store = JdbcStores.open(url)) {
      store.writePage(
          "acme",
          List.of(
              new SourceEvent(created, List.of(new MirrorChange.PutGrant(grant))),
              new SourceEvent(revoked, List.of(new MirrorChange.DeleteGrant(grant))),
              new SourceEvent(changed, List.of())),
          Optional.empty());
    }
    return url;
  }

  @Test
  void events_printsTheLogAsJsonLinesInSeqOrder_withAbsentFieldsAsNull() {
    String url = seedStore();

    CliRun run = CliRun.run("events", "--store", url);

    assertThat(run.code()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .startsWith(
            "{\"seq\":1,\"id\":\"grant:1\",\"kind\":\"grant_created\",\"source\":\"team.grants.0.changes\","
                + "\"resource_type\":\"team\",\"resource_id\":\"ops\",\"entitlement\":\"member\","
                + "\"principal_type\":\"user\",\"principal_id\":\"9007199254740993\","
                + "\"cursor\":\"2026-11-25T10:00:00.123456Z\",\"observed_at\":\"");
    assertThat(lines.get(1)).contains("\"seq\":2", "\"kind\":\"grant_revoked\"");
    assertThat(lines.get(2))
        .contains(
            "\"seq\":3",
            "\"kind\":\"resource_changed\"",
            "\"entitlement\":null,\"principal_type\":null,\"principal_id\":null");
  }

  @Test
  void events_afterAndLimit_selectASliceOfTheLog() {
    String url = seedStore();

    CliRun run = CliRun.run("events", "--store", url, "--after", "1", "--limit", "1");

    assertThat(run.code()).isZero();
    assertThat(run.out().lines().toList()).singleElement().asString().contains("\"seq\":2");
  }

  @Test
  void events_ofAStoreThatDoesNotExist_isUnavailable() {
    CliRun run = CliRun.run("events", "--store", "jdbc:sqlite:" + dir.resolve("missing.db"));

    assertThat(run.code()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(run.err()).contains("no store at");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS) // a follow that never sees the event fails here
  void events_follow_printsEventsAppendedLater() throws Exception {
    String url = seedStore();
    ResourceRef user = new ResourceRef("user", "7");
    FeedEvent later =
        new FeedEvent.ResourceChanged(
            "resource:later", "user", user, Instant.parse("2026-11-25T11:00:00Z"));
    CompletableFuture<Void> append =
        CompletableFuture.runAsync(
            () -> {
              try {
                Thread.sleep(1000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              try (SyncStore store = JdbcStores.open(url)) {
                store.writePage(
                    "acme", List.of(new SourceEvent(later, List.of())), Optional.empty());
              }
            });

    // --limit ends the follow once the later event arrived.
    CliRun run =
        CliRun.run("events", "--store", url, "--follow", "--limit", "4", "--poll-millis", "50");
    append.join();

    assertThat(run.code()).isZero();
    assertThat(run.out().lines().toList())
        .hasSize(4)
        .last()
        .asString()
        .contains("\"seq\":4", "\"id\":\"resource:later\"");
  }
}
