package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Config;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What binding a config produced: the config when there were no errors, and every error and
 * warning, in file order.
 *
 * @param config the config, present exactly when {@code errors} is empty
 * @param errors problems that make the config unusable
 * @param warnings problems baton-sql lets through but that probably are mistakes
 */
public record BindResult(Optional<Config> config, List<Problem> errors, List<Problem> warnings) {
  public BindResult {
    Objects.requireNonNull(config, "config");
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    if (config.isPresent() != errors.isEmpty()) {
      throw new IllegalArgumentException("a config is present exactly when there are no errors");
    }
  }
}
