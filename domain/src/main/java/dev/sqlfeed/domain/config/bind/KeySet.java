package dev.sqlfeed.domain.config.bind;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The keys a mapping may have, plus keys baton-sql silently ignores there that its own shipped
 * examples carry; those load with a warning instead of failing.
 *
 * @param allowed the known keys, in documentation order
 * @param ignored tolerated keys and the warning each produces
 */
record KeySet(Set<String> allowed, Map<String, String> ignored) {
  KeySet {
    allowed = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(allowed));
    ignored = Map.copyOf(ignored);
  }

  static KeySet of(String... keys) {
    return new KeySet(new LinkedHashSet<>(Arrays.asList(keys)), Map.of());
  }

  KeySet ignoring(String key, String warning) {
    Map<String, String> more = new java.util.HashMap<>(ignored);
    more.put(key, warning);
    return new KeySet(allowed, more);
  }
}
