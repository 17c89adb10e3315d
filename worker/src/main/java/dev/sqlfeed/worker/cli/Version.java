package dev.sqlfeed.worker.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version printed by {@code --version}: the project version and the git commit it was built
 * from, both written into {@code version.properties} by the build (the commit by the launcher,
 * {@code unknown} when built without it).
 */
final class Version implements CommandLine.IVersionProvider {
  private static final String RESOURCE = "/dev/sqlfeed/worker/version.properties";

  @Override
  public String[] getVersion() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new String[] {
      "sqlfeed "
          + p.getProperty("version", "development build")
          + " (commit "
          + p.getProperty("commit", "unknown")
          + ")"
    };
  }
}
