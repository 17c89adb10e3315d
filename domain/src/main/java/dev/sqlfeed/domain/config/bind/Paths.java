package dev.sqlfeed.domain.config.bind;

/** YAML paths as messages print them: dotted keys, list indexes as {@code [0]}. */
final class Paths {
  private Paths() {}

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String index(String path, int index) {
    return path + "[" + index + "]";
  }
}
