package dev.sqlfeed.worker;

import dev.sqlfeed.worker.cli.Cli;
import dev.sqlfeed.worker.cli.CliContext;

/** The process entry point: runs the CLI with the real streams and environment. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(args, CliContext.system()));
  }
}
