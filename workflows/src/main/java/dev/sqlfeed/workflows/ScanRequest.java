package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.feed.CycleStateWire;
import java.util.Objects;

/**
 * Asks for the next pages of a source. A wire format: add components, never rename or remove them.
 *
 * @param app the config's {@code app_name}
 * @param sourceKey the source
 * @param state the source's scan state before the page: with no running cycle, the page opens one
 *     (reads the source database's clock and pins the window); else it continues after the cycle's
 *     position
 * @param pageSize at most this many rows a page
 * @param maxPages at most this many pages in this call, each written in a store transaction of its
 *     own; 0 (a request recorded before this component existed) means 1
 */
public record ScanRequest(
    String app, String sourceKey, CycleStateWire state, int pageSize, int maxPages) {
  public ScanRequest {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(sourceKey, "sourceKey");
    Objects.requireNonNull(state, "state");
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be positive: " + pageSize);
    }
    if (maxPages < 0) {
      throw new IllegalArgumentException("max pages must not be negative: " + maxPages);
    }
  }

  /** Asks for one page. */
  public ScanRequest(String app, String sourceKey, CycleStateWire state, int pageSize) {
    this(app, sourceKey, state, pageSize, 1);
  }

  /** Whether this page opens a cycle. */
  public boolean opensCycle() {
    return state.since() == null;
  }
}
