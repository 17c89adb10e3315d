package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * One run of the command line through {@link Cli#run}, exactly as {@code main} runs it, with what
 * it printed on each stream. Tests assert on the exit code and the text a user would read.
 */
record CliRun(int code, String out, String err) {
  /** Runs the arguments with the environment {@code env}, not on a terminal. */
  static CliRun run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.run(args, new CliContext(new PrintWriter(out), new PrintWriter(err), env, false));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs the arguments with an empty environment. */
  static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  /**
   * {@code sqlfeed run --once --config CONFIG --store STORE}, with its embedded Temporal server on
   * a free port of its own.
   */
  static CliRun once(Map<String, String> env, Object config, String store) {
    try {
      return run(
          env,
          "run",
          "--once",
          "--config",
          config.toString(),
          "--store",
          store,
          "--embedded-port",
          Integer.toString(RunCommandSqliteIT.freePort()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Asserts the exit code, showing both streams when it differs. */
  CliRun exits(int expected) {
    assertThat(code).as("exit code of a run that printed%n%s", this).isEqualTo(expected);
    return this;
  }

  /** Both streams, for assertions that a text appears (or does not) anywhere. */
  String all() {
    return out + err;
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err + "---";
  }
}
