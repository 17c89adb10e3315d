package dev.sqlfeed.domain.config.resource;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.Ordered;
import java.util.Map;
import java.util.Objects;

/**
 * {@code traits.role}.
 *
 * @param profile {@code profile}: attribute name to expression, in file order
 * @param path the YAML path of the block
 */
public record RoleTrait(Map<String, Cel> profile, String path) {
  public RoleTrait {
    profile = Ordered.copy(profile);
    Objects.requireNonNull(path, "path");
  }
}
