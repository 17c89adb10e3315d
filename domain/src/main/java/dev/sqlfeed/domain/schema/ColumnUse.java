package dev.sqlfeed.domain.schema;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.bind.KeyHints;
import dev.sqlfeed.domain.mapping.ColumnReference;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A result column that the config reads from one query, and where the config names it.
 *
 * @param name the column as the config names it
 * @param path the YAML path of the value that names it: a CEL expression, or a key such as {@code
 *     cursor_column} or {@code pagination.primary_key}
 * @param line 1-based line inside that value where the column is named (1 for a key)
 * @param column 1-based column inside that value (1 for a key)
 * @param exactCase whether only a label of the same case will do: CEL reads {@code cols} by exact
 *     label, and so does a full sync's primary key; the cursor and key columns of incremental
 *     sources are also found without regard to case when that is unambiguous
 */
public record ColumnUse(String name, String path, int line, int column, boolean exactCase) {
  public ColumnUse {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** A column that an expression reads. */
  static ColumnUse read(Cel cel, ColumnReference reference) {
    return new ColumnUse(reference.name(), cel.path(), reference.line(), reference.column(), true);
  }

  /** A column named by a key's value. */
  static ColumnUse key(String name, String path, boolean exactCase) {
    return new ColumnUse(name, path, 1, 1, exactCase);
  }

  /** The label among {@code labels} that this use reads, if there is one. */
  public Optional<String> resolve(List<String> labels) {
    if (labels.contains(name)) {
      return Optional.of(name);
    }
    if (exactCase) {
      return Optional.empty();
    }
    List<String> matches = sameIgnoringCase(labels);
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  /**
   * Why no label fits, for a message at {@link #path()}: names the query and its columns, with a
   * hint when a label is close.
   */
  public String missing(String queryPath, List<String> labels) {
    List<String> sameLetters = sameIgnoringCase(labels);
    String hint;
    if (!exactCase && sameLetters.size() > 1) {
      hint = "; it matches " + sameLetters + " without regard to case, which is ambiguous";
    } else if (!sameLetters.isEmpty()) {
      hint = "; did you mean '" + sameLetters.get(0) + "'? (column labels are case-sensitive)";
    } else {
      hint = KeyHints.closest(name, labels).map(l -> "; did you mean '" + l + "'?").orElse("");
    }
    return "column '"
        + name
        + "' is not among the columns of "
        + queryPath
        + " ("
        + String.join(", ", labels)
        + ")"
        + hint;
  }

  private List<String> sameIgnoringCase(List<String> labels) {
    String lower = name.toLowerCase(Locale.ROOT);
    return labels.stream()
        .filter(l -> l.toLowerCase(Locale.ROOT).equals(lower))
        .distinct()
        .toList();
  }
}
