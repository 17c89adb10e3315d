package dev.sqlfeed.worker.config;

import dev.sqlfeed.domain.config.Config;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code validate} reports about a config: the config when it has no errors, and every
 * error and warning as {@code FILE:LINE:COL: yaml.path: message} lines, in file order.
 *
 * @param config the config, present exactly when {@code errors} is empty
 * @param errors the errors
 * @param warnings the warnings
 */
public record ConfigCheck(Optional<Config> config, List<String> errors, List<String> warnings) {
  public ConfigCheck {
    Objects.requireNonNull(config, "config");
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }
}
