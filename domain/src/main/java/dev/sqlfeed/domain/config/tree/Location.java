package dev.sqlfeed.domain.config.tree;

import java.util.Objects;

/**
 * A position in a config file. Line and column are 1-based, as editors and compilers print them.
 *
 * @param file the file name as the user gave it (or a label such as {@code <string>})
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) {
  public Location {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** The same file and line, {@code columns} further right. */
  public Location plusColumns(int columns) {
    return new Location(file, line, column + columns);
  }

  /** {@code FILE:LINE:COL}, the prefix of every config problem. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
