package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged jar, run by the tests that need {@code sqlfeed} in a process of its own (to kill it,
 * to send it a signal or to read its log as an operator would): {@code java -jar
 * target/sqlfeed.jar} and the arguments. The integration tests run after {@code package}, so the
 * jar is there; when it is not, the test fails saying so.
 */
final class SqlfeedJar {
  private static final Path JAR = Path.of("target", "sqlfeed.jar");

  private SqlfeedJar() {}

  /** {@code java -jar target/sqlfeed.jar} followed by {@code args}, as a mutable list. */
  static List<String> command(String... args) {
    return command(List.of(), List.of(args));
  }

  /**
   * {@code sqlfeed run --config CONFIG --store STORE --embedded-port PORT}, then {@code more}: a
   * worker with its own embedded Temporal server.
   */
  static List<String> run(Path config, String store, int embeddedPort, String... more) {
    return run(List.of(), config, store, embeddedPort, more);
  }

  /** {@link #run(Path, String, int, String...)} with {@code jvmOptions} (such as a heap). */
  static List<String> run(
      List<String> jvmOptions, Path config, String store, int embeddedPort, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--config",
                config.toString(),
                "--store",
                store,
                "--embedded-port",
                Integer.toString(embeddedPort)));
    args.addAll(List.of(more));
    return command(jvmOptions, args);
  }

  /**
   * {@code java}, then {@code jvmOptions} (such as {@code -Xmx512m}), then {@code -jar
   * target/sqlfeed.jar} and {@code args}, as a mutable list.
   */
  static List<String> command(List<String> jvmOptions, List<String> args) {
    assertThat(JAR)
        .as("the integration test runs after 'package': %s", JAR.toAbsolutePath())
        .exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(args);
    return command;
  }
}
