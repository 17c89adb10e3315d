package dev.sqlfeed.worker.cli;

import static dev.sqlfeed.worker.cli.ProvisioningFixture.CONFIG;
import static dev.sqlfeed.worker.cli.ProvisioningFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.jdbc.testing.OnEachDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code sqlfeed account create} and {@code rotate} through the CLI entry point against real
 * PostgreSQL, MariaDB and SQLite databases: the account appears in the app and, at the next sync,
 * in the mirror; the generated password is set in the app and shown once: not in logs (sqlfeed's at
 * DEBUG), the mirror, the events or any other output.
 */
class CliAccountIT {
  @RegisterExtension final ProvisioningFixture app = new ProvisioningFixture();

  private static CliRun create(Map<String, String> env, String config, String login) {
    return CliRun.run(
        env,
        "account",
        "create",
        "--config",
        config,
        "--resource-type",
        "user",
        "--field",
        "login=" + login,
        "--field",
        "mail=" + login + "@example.test");
  }

  /** The password on the last line of a run's stdout, after the line that says what ran. */
  private static String password(CliRun run, String headline) {
    String[] lines = run.out().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).isEqualTo(headline);
    assertThat(lines[1]).startsWith("password: ");
    String password = lines[1].substring("password: ".length());
    assertThat(password).hasSize(20);
    return password;
  }

  @OnEachDatabase
  void create_insertsTheAccount_showsItsPasswordOnce_andTheNextSyncMirrorsIt(TestDatabase.Kind kind)
      throws Exception {
    Map<String, String> env = app.app(kind);
    String config = app.config(CONFIG);

    Logged<CliRun> logged = Logged.of(() -> create(env, config, "dan"));
    CliRun create = logged.value().exits(ExitCode.OK);

    String password =
        password(create, "created account user:4 (dan): 1 statement run, 1 row changed, committed");
    assertThat(logged.logs()).doesNotContain(password);
    assertThat(password).as("the config's constraint: 3 digits").containsPattern("([0-9].*){3}");
    assertThat(app.rows("SELECT id, login, mail, secret FROM users WHERE login = 'dan'"))
        .containsExactly("4,dan,dan@example.test," + password);
    assertThat(create.err()).doesNotContain(password);

    CliRun again = create(env, config, "dan").exits(ExitCode.OK);

    assertThat(again.out())
        .isEqualTo("account user:4 (dan) exists already: nothing run, no password set\n");
    assertThat(app.rows("SELECT count(*) FROM users")).containsExactly("4");

    CliRun sync =
        CliRun.run(env, "sync", "--config", config, "--store", app.store()).exits(ExitCode.OK);

    List<String> mirror = new ArrayList<>();
    List<String> events = new ArrayList<>();
    try (SyncStore store = Wiring.existingStore(app.store(), Map.of())) {
      store.exportMirror(Optional.of("acme"), (MirrorRecord r) -> mirror.add(r.toJsonLine()));
      store.events(Optional.empty(), 0, 1000).stream()
          .map(StoredEvent::event)
          .map(String::valueOf)
          .forEach(events::add);
    }
    assertThat(mirror).anySatisfy(line -> assertThat(line).contains("\"4\"", "\"dan\""));
    assertThat(String.join("\n", mirror) + events + sync.all() + again.all())
        .doesNotContain(password)
        .doesNotContain(SECRET);
  }

  @OnEachDatabase
  void rotate_setsANewPassword_andAnUnknownAccountFails_withoutOne(TestDatabase.Kind kind)
      throws Exception {
    Map<String, String> env = app.app(kind);
    String config = app.config(CONFIG);

    CliRun rotate =
        CliRun.run(env, "account", "rotate", "-c", config, "--resource", "user:3")
            .exits(ExitCode.OK);

    String password =
        password(
            rotate, "rotated the credential of user:3: 1 statement run, 1 row changed, committed");
    assertThat(app.rows("SELECT secret FROM users WHERE id = 3")).containsExactly(password);

    CliRun unknown =
        CliRun.run(env, "account", "rotate", "-c", config, "--resource", "user:9")
            .exits(ExitCode.FAILURE);

    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err())
        .isEqualTo(
            "sqlfeed: resource_types.user.credential_rotation.update: changed no row (no account"
                + " user:9?); nothing rotated\n");
  }

  @Test
  void aDatabaseMessageThatQuotesThePassword_showsItMasked_andRollsBack() throws Exception {
    Map<String, String> env = app.app(TestDatabase.Kind.POSTGRES);
    String config =
        app.config(
            CONFIG.replace(
                "?<password> FROM users",
                "CAST(CAST(?<password> AS INTEGER) AS VARCHAR) FROM users"));

    CliRun create = create(env, config, "dan").exits(ExitCode.FAILURE);

    assertThat(create.out()).isEmpty();
    assertThat(create.err())
        .startsWith("sqlfeed: resource_types.user.account_provisioning.create.queries[0]: ")
        .contains("\"" + "********" + "\"")
        .endsWith("; rolled back: nothing was changed\n");
    assertThat(app.rows("SELECT count(*) FROM users")).containsExactly("3");
  }
}
