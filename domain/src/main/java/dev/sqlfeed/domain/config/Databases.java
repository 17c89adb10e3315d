package dev.sqlfeed.domain.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code connect.databases}: run each query once per database. Exactly one of the two is set.
 *
 * @param staticNames {@code static}: the database names
 * @param discoveryQuery {@code discovery_query}: a query whose first column lists the names
 */
public record Databases(List<String> staticNames, Optional<Query> discoveryQuery) {
  public Databases {
    staticNames = List.copyOf(staticNames);
    Objects.requireNonNull(discoveryQuery, "discoveryQuery");
  }
}
