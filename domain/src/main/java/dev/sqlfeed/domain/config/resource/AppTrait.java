package dev.sqlfeed.domain.config.resource;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.Ordered;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code traits.app}.
 *
 * @param helpUrl {@code help_url}
 * @param profile {@code profile}: attribute name to expression, in file order
 * @param path the YAML path of the block
 */
public record AppTrait(Optional<Cel> helpUrl, Map<String, Cel> profile, String path) {
  public AppTrait {
    Objects.requireNonNull(helpUrl, "helpUrl");
    profile = Ordered.copy(profile);
    Objects.requireNonNull(path, "path");
  }
}
