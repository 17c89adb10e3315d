package dev.sqlfeed.worker.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option, shared by every command that reads a config file. */
final class ConfigOption {
  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "The config file (baton-sql's YAML format).")
  Path file;

  /** The file as given, for messages. */
  @Override
  public String toString() {
    return String.valueOf(file);
  }
}
