package dev.sqlfeed.domain.config;

import java.util.List;
import java.util.Objects;

/**
 * A config that loaded, with the warnings found on the way: things baton-sql accepts but that
 * probably do not do what was meant. Each warning has the form {@code FILE:LINE:COL: yaml.path:
 * message}.
 *
 * @param config the config
 * @param warnings the warnings, in file order
 */
public record LoadedConfig(Config config, List<String> warnings) {
  public LoadedConfig {
    Objects.requireNonNull(config, "config");
    warnings = List.copyOf(warnings);
  }
}
