package dev.sqlfeed.worker.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}: the jar's implementation version when known. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {"sqlfeed " + (version == null ? "development build" : version)};
  }
}
