package dev.sqlfeed.domain.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies of maps that keep the config file's order (Map.copyOf would lose it). */
public final class Ordered {
  private Ordered() {}

  /** An unmodifiable copy that iterates in the source map's order. */
  public static <K, V> Map<K, V> copy(Map<K, V> source) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }
}
