package dev.sqlfeed.ports;

import java.util.Map;
import java.util.Objects;

/**
 * A keyset page as a cycle plans it once it knows the database's clock: the query's own bindings
 * and the page's bounds (see {@link SourceReader#readPageAt}).
 */
public record PlannedPage(Map<String, Object> bindings, KeysetPage page) {
  public PlannedPage {
    Objects.requireNonNull(bindings, "bindings");
    Objects.requireNonNull(page, "page");
  }
}
