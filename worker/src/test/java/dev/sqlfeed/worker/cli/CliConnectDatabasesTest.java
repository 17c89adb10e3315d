package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code sync} and {@code run} both refuse {@code connect.databases}, with exit 2. */
class CliConnectDatabasesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"sync", "run"})
  void severalDatabasesAreRefusedNamingTheConfigAndThePath(String command) throws IOException {
    Path config = dir.resolve("multi.yml");
    Files.writeString(
        config,
        """
        app_name: multi
        connect:
          dsn: "sqlite:%s"
          databases:
            static: [a, b]
        incremental_sync:
          poll_interval: 1s
        resource_types:
          user:
            name: User
            list:
              query: SELECT id FROM users
              map: {id: ".id", display_name: ".id"}
            get:
              query: SELECT id FROM users WHERE id = ?<id>
            incremental_sync:
              query: SELECT id, updated_at FROM users WHERE updated_at >= ?<since>
              cursor_column: updated_at
              pagination: {primary_key: id}
        """
            .formatted(dir.resolve("app.db")));

    CliRun run =
        CliRun.run(
            command,
            "--config",
            config.toString(),
            "--store",
            "jdbc:sqlite:" + dir.resolve("store.db"),
            "--embedded-port",
            "1");

    run.exits(ExitCode.INVALID_INPUT);
    assertThat(run.err())
        .contains(config + ": connect.databases: 'sqlfeed " + command + "' reads one database")
        .contains("one config per database");
    assertThat(dir.resolve("store.db")).doesNotExist();
  }
}
