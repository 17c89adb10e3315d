package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code sqlfeed --version} through the command line. */
class CliVersionTest {
  @Test
  void versionPrintsTheProjectVersionAndTheCommitWrittenAtBuildTime() {
    CliRun run = CliRun.run("--version").exits(ExitCode.OK);

    // The launcher builds with -Dsqlfeed.commit=<its checkout's commit>; a plain Maven build
    // (this test's) leaves the commit unknown, but the version is always filtered in.
    assertThat(run.out().strip())
        .matches(
            "sqlfeed \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{7,40}(-dirty)?|unknown)\\)");
  }
}
