package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.tree.ScalarNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reading a word that must be one of an enum's YAML spellings. */
final class Enums {
  private Enums() {}

  static <E extends Enum<E>> Optional<E> parse(
      Binding b, ScalarNode s, String path, E[] values, Function<E, String> yaml) {
    for (E e : values) {
      if (yaml.apply(e).equals(s.text())) {
        return Optional.of(e);
      }
    }
    List<String> allowed = Arrays.stream(values).map(yaml).filter(v -> !v.isEmpty()).toList();
    String hint =
        KeyHints.closest(s.text(), allowed).map(v -> "; did you mean '" + v + "'?").orElse("");
    b.error(
        s.location(),
        path,
        "'" + s.text() + "' is not one of " + KeyHints.quotedList(allowed) + hint);
    return Optional.empty();
  }
}
