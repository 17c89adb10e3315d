package dev.sqlfeed.worker.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may use of the world: its output streams, the environment for {@code ${VAR}}
 * references, and whether a person is watching (progress bars) or not (plain log lines). Tests
 * build their own.
 */
public record CliContext(
    PrintWriter out, PrintWriter err, Map<String, String> env, boolean interactive) {
  public CliContext {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    env = Map.copyOf(env);
  }

  /** The process's own streams and environment. */
  public static CliContext system() {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    return new CliContext(out, err, System.getenv(), System.console() != null);
  }
}
