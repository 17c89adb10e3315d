package dev.sqlfeed.domain.error;

import java.util.List;

/** The config (or a command-line input) is invalid; carries every problem found, not just one. */
public final class ConfigException extends SqlfeedException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join(System.lineSeparator(), problems), null);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a config error needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public ConfigException(String problem) {
    this(List.of(problem));
  }

  /** One line per problem, each in the form {@code FILE:LINE:COL: yaml.path: message}. */
  public List<String> problems() {
    return problems;
  }

  @Override
  public boolean transientFailure() {
    return false;
  }
}
