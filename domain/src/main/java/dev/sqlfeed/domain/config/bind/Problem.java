package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.tree.Location;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong (or suspicious) in a config.
 *
 * @param location where in the file
 * @param path the YAML path, for example {@code resource_types.user.list.query}; empty for the file
 *     as a whole
 * @param message what is wrong, in words a user can act on; never a secret value
 */
public record Problem(Location location, String path, String message) {
  /** File order: by line, then column. */
  public static final Comparator<Problem> IN_FILE_ORDER =
      Comparator.comparing((Problem p) -> p.location().file())
          .thenComparingInt(p -> p.location().line())
          .thenComparingInt(p -> p.location().column());

  public Problem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** {@code FILE:LINE:COL: yaml.path: message}. */
  public String format() {
    return location + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
