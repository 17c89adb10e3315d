package dev.sqlfeed.bench.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Launches the product itself as a child process, through the repository's {@code sqlfeed} launcher
 * next to {@code worker/target/sqlfeed.jar} (so with the JVM options a user's shell gets, the heap
 * limit among them), so that wall time, peak RSS and CPU are the CLI's own and not the harness's;
 * the launcher replaces itself with the JVM, so the child's process is the JVM's. Every run records
 * a flight recording (JFR's default settings, about 1 % overhead; not in the smoke run) so that a
 * missed target can name its top frames without a second run.
 */
final class Sqlfeed {
  private final Path launcher;
  private final List<String> javaOptions;
  private final Path logs;
  private final Path classArchive;
  private final List<String> retries = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param classArchive null, or a class-data archive to start faster from: the first run writes it
   *     ({@code -XX:ArchiveClassesAtExit}), later runs map it. For the smoke run only, whose
   *     figures are not targets; the full run starts the CLI as a user's shell does.
   */
  Sqlfeed(Path jar, List<String> javaOptions, Path logs, Path classArchive) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          jar
              + " does not exist: build it first (./mvnw -q -B package -pl worker -am -DskipTests)");
    }
    this.launcher = jar.toAbsolutePath().getParent().getParent().getParent().resolve("sqlfeed");
    if (!Files.isExecutable(launcher)) {
      throw new IllegalArgumentException(
          launcher + " is not there: the jar must be the one a checkout builds");
    }
    this.javaOptions = List.copyOf(javaOptions);
    this.logs = logs;
    this.classArchive = classArchive;
    try {
      Files.createDirectories(logs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts {@code sqlfeed ARGS}; the label names its log and recording. */
  Child start(String label, List<String> args, Map<String, String> env) {
    Path jfr = logs.resolve(label + ".jfr");
    Path log = logs.resolve(label + ".log");
    List<String> options = new ArrayList<>(javaOptions);
    if (classArchive != null) {
      options.add(
          (Files.isRegularFile(classArchive)
                  ? "-XX:SharedArchiveFile="
                  : "-XX:ArchiveClassesAtExit=")
              + classArchive);
    } else {
      options.add("-XX:StartFlightRecording=dumponexit=true,filename=" + jfr);
    }
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(args);
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      // The launcher's own options come first; these (the harness's and SQLFEED_JAVA_OPTS it was
      // given) after them, as a user's would.
      builder.environment().put("SQLFEED_JAVA_OPTS", String.join(" ", options));
      Process process = builder.start();
      return new Child(label, process, jfr, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code sqlfeed ARGS} to its end; a non-zero exit is an error with the output's tail. A
   * process that could not reach its own embedded Temporal server (exit 3, which happened on a
   * machine at a load average of 25: the server did not answer within the client's deadline) is run
   * again, at most twice, and every such retry is kept for the report: it is a finding about the
   * product, not a figure.
   */
  Run run(String label, List<String> args, Map<String, String> env, Duration limit)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try (Child child = start(label, args, env)) {
        Run run = child.await(limit);
        if (run.exitCode() == 0) {
          return run;
        }
        String tail = child.tail();
        if (run.exitCode() == 3 && tail.contains("cannot reach Temporal") && attempt < 3) {
          retries.add(label + " (attempt " + attempt + "): " + lastLine(tail));
          continue;
        }
        throw new IllegalStateException(
            label + ": sqlfeed exited " + run.exitCode() + "; see " + run.log() + "\n" + tail);
      }
    }
  }

  /** The runs that were repeated, and why. */
  List<String> retries() {
    return List.copyOf(retries);
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }

  /** A free port on the loopback for an embedded Temporal server. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code --embedded-port P} with a free port, so that runs never meet another worker. */
  static List<String> embeddedPort() {
    return List.of("--embedded-port", Integer.toString(freePort()));
  }
}
