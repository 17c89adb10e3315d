package dev.sqlfeed.bench.figures;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the report says about the run itself.
 *
 * @param mode {@code full} or {@code smoke}
 * @param command the command line that ran it
 * @param started when it started
 * @param finished when it finished
 * @param commit the git commit measured
 * @param loadBefore the load average before the first workload
 * @param loadAfter the load average after the last
 * @param retries sqlfeed processes that were run again, and why
 */
record RunInfo(
    String mode,
    String command,
    Instant started,
    Instant finished,
    String commit,
    String loadBefore,
    String loadAfter,
    List<String> retries) {
  RunInfo {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(command, "command");
    retries = List.copyOf(retries);
  }
}
