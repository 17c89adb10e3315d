package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grant and a revoke made with {@code sqlfeed grant} / {@code revoke}, and an account made or
 * changed with {@code sqlfeed account create} / {@code rotate}, are changes in the app like any
 * other: the next {@code run --once} cycle turns them into {@code grant_created}, {@code
 * grant_revoked} and {@code resource_changed} events. SQLite app and store, embedded Temporal.
 */
class ProvisioningFeedIT {
  private static final String NOW = "strftime('%Y-%m-%d %H:%M:%S', 'now')";

  @TempDir Path dir;

  @Test
  void aGrantAndARevoke_showUpInTheEventFeed_atTheNextCycle() throws Exception {
    AcmeSqliteApp acme = AcmeSqliteApp.empty(dir);
    acme.sql(
        "INSERT INTO users VALUES (1, 'ada', " + NOW + "), (3, 'cy', " + NOW + ")",
        "INSERT INTO teams VALUES ('ops', 'Operations')");
    String yaml =
        Files.readString(acme.config())
            .replace("  poll_interval: 200ms", "  poll_interval: 200ms\n  safety_lag: 0s")
            .replace(
                "        grantable_to: [user]\n",
                "        grantable_to: [user]\n"
                    + "        provisioning:\n"
                    + "          vars: {team: resource.ID, user: principal.ID}\n"
                    + "          grant:\n"
                    + "            queries:\n"
                    + "              - INSERT INTO team_members (team_slug, user_id, created_at)"
                    + " VALUES (?<team>, ?<user>, "
                    + NOW
                    + ")\n"
                    + "          revoke:\n"
                    + "            queries:\n"
                    + "              - UPDATE team_members SET deleted_at = "
                    + NOW
                    + " WHERE team_slug = ?<team> AND user_id = ?<user> AND deleted_at IS NULL\n");
    String config = Files.writeString(dir.resolve("app.yml"), yaml).toString();
    String store = "jdbc:sqlite:" + dir.resolve("store.db");

    once(config, store);
    assertThat(grantEvents(store)).isEmpty();

    CliRun.run("grant", "-c", config, "-e", "team:ops:member", "-p", "user:3").exits(0);
    // The rows carry second-precision timestamps: let the clock leave the second of the grant so
    // the revoke's deleted_at cannot tie with anything already committed.
    Thread.sleep(1100);
    once(config, store);

    assertThat(grantEvents(store)).containsExactly("grant_created team:ops:member user:3");

    CliRun.run("revoke", "-c", config, "-e", "team:ops:member", "-p", "user:3").exits(0);
    Thread.sleep(1100);
    once(config, store);

    assertThat(grantEvents(store))
        .containsExactly(
            "grant_created team:ops:member user:3", "grant_revoked team:ops:member user:3");
  }

  @Test
  void anAccountCreatedAndRotated_showsUpInTheEventFeed_atTheNextCycle_withoutItsPassword()
      throws Exception {
    AcmeSqliteApp acme = AcmeSqliteApp.empty(dir);
    acme.sql(
        "ALTER TABLE users ADD COLUMN secret TEXT",
        "INSERT INTO users (id, login, secret, updated_at) VALUES (1, 'ada', NULL, " + NOW + ")");
    String yaml =
        Files.readString(acme.config())
            .replace("  poll_interval: 200ms", "  poll_interval: 200ms\n  safety_lag: 0s")
            .replace(
                "    get:\n",
                "    account_provisioning:\n"
                    + "      schema:\n"
                    + "        - {name: login, description: Login, type: string, required: true}\n"
                    + "      credentials:\n"
                    + "        random_password: {preferred: true}\n"
                    + "      validate:\n"
                    + "        vars: {login: login}\n"
                    + "        query: SELECT id, login FROM users WHERE login = ?<login>\n"
                    + "      create:\n"
                    + "        vars: {login: login, password: password}\n"
                    + "        queries:\n"
                    + "          - INSERT INTO users (id, login, secret, updated_at)"
                    + " SELECT MAX(id) + 1, ?<login>, ?<password>, "
                    + NOW
                    + " FROM users\n"
                    + "    credential_rotation:\n"
                    + "      credentials:\n"
                    + "        random_password: {preferred: true}\n"
                    + "      update:\n"
                    + "        vars: {user: resource_id, password: password}\n"
                    + "        queries:\n"
                    + "          - UPDATE users SET secret = ?<password>, updated_at = "
                    + NOW
                    + " WHERE id = ?<user>\n"
                    + "    get:\n");
    String config = Files.writeString(dir.resolve("app.yml"), yaml).toString();
    String store = "jdbc:sqlite:" + dir.resolve("store.db");

    once(config, store);
    List<String> before = resourceEvents(store);

    Thread.sleep(1100);
    CliRun created =
        CliRun.run(
                "account",
                "create",
                "-c",
                config,
                "--resource-type",
                "user",
                "--field",
                "login=dan")
            .exits(0);
    String password = created.out().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(password).startsWith("password: ");
    once(config, store);

    List<String> after = resourceEvents(store);
    assertThat(after.subList(before.size(), after.size()))
        .containsExactly("resource_changed user:2");

    Thread.sleep(1100);
    CliRun rotated = CliRun.run("account", "rotate", "-c", config, "--resource", "user:2").exits(0);
    String rotatedPassword = rotated.out().lines().reduce((a, b) -> b).orElseThrow();
    once(config, store);

    assertThat(String.join("\n", storeDump(store)))
        .contains("dan")
        .doesNotContain(password.substring("password: ".length()))
        .doesNotContain(rotatedPassword.substring("password: ".length()));
  }

  /** Every resource event of the store's log, as {@code KIND TYPE:ID}. */
  private static List<String> resourceEvents(String store) {
    try (SyncStore s = Wiring.existingStore(store, Map.of())) {
      return s.events(Optional.empty(), 0, 1000).stream()
          .map(StoredEvent::event)
          .filter(e -> e instanceof FeedEvent.ResourceChanged)
          .map(e -> (FeedEvent.ResourceChanged) e)
          .map(
              r ->
                  "resource_changed "
                      + r.resource().resourceType()
                      + ":"
                      + r.resource().resourceId())
          .toList();
    }
  }

  /** Every event of the store's log and every mirror record, as text. */
  private static List<String> storeDump(String store) {
    List<String> all = new java.util.ArrayList<>();
    try (SyncStore s = Wiring.existingStore(store, Map.of())) {
      s.events(Optional.empty(), 0, 1000).forEach(e -> all.add(String.valueOf(e.event())));
      s.exportMirror(Optional.of("acme"), r -> all.add(r.toJsonLine()));
    }
    return all;
  }

  private static void once(String config, String store) {
    CliRun.once(Map.of(), config, store).exits(0);
  }

  private static List<String> grantEvents(String store) {
    try (SyncStore s = Wiring.existingStore(store, Map.of())) {
      return s.events(Optional.empty(), 0, 1000).stream()
          .map(StoredEvent::event)
          .filter(e -> e instanceof FeedEvent.GrantEvent)
          .map(e -> (FeedEvent.GrantEvent) e)
          .map(
              g ->
                  g.kind()
                      + " "
                      + g.resource().resourceType()
                      + ":"
                      + g.resource().resourceId()
                      + ":"
                      + g.entitlement()
                      + " "
                      + g.principal().resourceType()
                      + ":"
                      + g.principal().resourceId())
          .toList();
    }
  }
}
